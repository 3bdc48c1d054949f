using System.Collections;
using System.Globalization;
using HandlebarsDotNet;
using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Templates.Helpers;

/// <summary>
/// How helpers read their arguments. Handlebars hands a missing path to a helper as an
/// <see cref="UndefinedBindingResult"/>, and number literals such as <c>2.5</c> as text, so every helper goes
/// through these rules instead of looking at raw objects.
/// </summary>
internal static class HelperValues
{
    public static object? At(in Arguments arguments, int index) => index < arguments.Length ? arguments[index] : null;

    public static bool IsMissing(object? value) => value is null or UndefinedBindingResult;

    /// <summary>Missing, blank text or an empty list: what <c>default</c> replaces.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null or UndefinedBindingResult => true,
        string text => string.IsNullOrWhiteSpace(text),
        IDictionary => false,
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    /// <summary>Handlebars truthiness: missing, false, 0, NaN, "" and empty lists are false; maps are true.</summary>
    public static bool IsTruthy(object? value) => value switch
    {
        null or UndefinedBindingResult => false,
        bool flag => flag,
        string text => text.Length > 0,
        IDictionary => true,
        ICollection collection => collection.Count > 0,
        _ when TryGetNumber(value, allowText: false, out var number) => number != 0 && !double.IsNaN(number),
        _ => true,
    };

    /// <summary>Reads a number; with <paramref name="allowText"/>, numeric text ("2.5", as literals arrive) too.</summary>
    public static bool TryGetNumber(object? value, bool allowText, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case float f:
                number = f;
                return true;
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case decimal m:
                number = (double)m;
                return true;
            case short or byte or sbyte or ushort or uint or ulong:
                number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return true;
            case string text when allowText:
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            default:
                number = 0;
                return false;
        }
    }

    public static bool IsNumber(object? value) => TryGetNumber(value, allowText: false, out _);

    /// <summary>Reads a time: model times arrive as ISO-8601 text; .NET and NodaTime times are accepted too.</summary>
    public static bool TryGetInstant(object? value, out Instant instant)
    {
        switch (value)
        {
            case Instant i:
                instant = i;
                return true;
            case DateTimeOffset offset:
                instant = Instant.FromDateTimeOffset(offset);
                return true;
            case DateTime dateTime:
                instant = Instant.FromDateTimeUtc(DateTime.SpecifyKind(
                    dateTime.Kind == DateTimeKind.Local ? dateTime.ToUniversalTime() : dateTime, DateTimeKind.Utc));
                return true;
            case string text when !string.IsNullOrWhiteSpace(text):
                return InstantText.TryParse(text.Trim(), out instant);
            default:
                instant = default;
                return false;
        }
    }

    /// <summary>Text form of a value: empty when missing, invariant numbers, lower-case booleans.</summary>
    public static string ToText(object? value) => value switch
    {
        null or UndefinedBindingResult => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
