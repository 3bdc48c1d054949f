using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Server.Dashboard.Api;

/// <summary>Splits <c>file:line: message</c> validation errors so the definition view can mark the line.</summary>
internal static partial class ValidationMessages
{
    public static IEnumerable<object> Describe(IEnumerable<string> problems) => problems.Select(text =>
    {
        var match = Pattern().Match(text);
        return match.Success
            ? new { text, line = (int?)int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), message = match.Groups[2].Value }
            : new { text, line = (int?)null, message = text };
    });

    [GeneratedRegex(@"^[^:\n]*:(\d+)(?::\d+)?: (.*)$", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
