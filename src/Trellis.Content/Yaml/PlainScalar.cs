using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Content.Yaml;

/// <summary>
/// Resolves plain (unquoted) scalars as the YAML 1.2 core schema does: null, bool, integer, float, else text.
/// Quoted scalars never come here: writing <c>"42"</c> is how a person asks for text.
/// </summary>
internal static partial class PlainScalar
{
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Integers (decimal, 0x, 0o) and floats (including .inf and .nan), as a double.</summary>
    public static bool TryNumber(string text, out double value, out bool isInteger)
    {
        value = 0;
        isInteger = false;
        if (DecimalInteger().IsMatch(text))
        {
            isInteger = true;
            return double.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            isInteger = true;
            value = (double)ulong.Parse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return true;
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..]))
        {
            isInteger = true;
            value = (double)Convert.ToUInt64(text[2..], 8);
            return true;
        }

        if (Float().IsMatch(text))
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-9a-fA-F]{1,16}$")]
    private static partial Regex HexDigits();

    [GeneratedRegex("^[0-7]{1,21}$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
