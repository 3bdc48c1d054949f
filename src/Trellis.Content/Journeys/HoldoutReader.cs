using System.Globalization;
using System.Text.RegularExpressions;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>holdout: 10%</c> — a percentage from 0 to 100, written with the percent sign.</summary>
internal static partial class HoldoutReader
{
    public static double? Read(YamlNode node, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar s && Percent().Match(s.Value) is { Success: true } m &&
            double.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) &&
            p <= 100)
        {
            return p;
        }

        diagnostics.Report(node.Line, $"holdout must be a percentage from 0% to 100% such as 10%, not {NodeReader.Shown(node)}");
        return null;
    }

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$")]
    private static partial Regex Percent();
}
