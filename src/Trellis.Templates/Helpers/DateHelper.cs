using System.Globalization;
using HandlebarsDotNet;
using NodaTime;
using static Trellis.Templates.Helpers.HelperValues;

namespace Trellis.Templates.Helpers;

/// <summary>
/// <c>{{date value "format" [zone]}}</c>: formats a time with a .NET custom or standard format string in the
/// invariant culture, in an IANA time zone when one is given (UTC otherwise). A value that is missing or not
/// a time renders as empty text; an unknown zone read from data (e.g. a bad profile.timezone) falls back to UTC
/// rather than failing the send.
/// </summary>
internal static class DateHelper
{
    private const string FallbackFormat = "yyyy-MM-dd";

    public static void Register(IHandlebars handlebars) =>
        handlebars.RegisterHelper("date", (Context _, Arguments arguments) => Format(arguments));

    private static string Format(in Arguments arguments)
    {
        if (!TryGetInstant(At(arguments, 0), out var instant))
        {
            return "";
        }

        var format = ToText(At(arguments, 1));
        if (format.Length == 0)
        {
            format = FallbackFormat;
        }

        var zone = FormatStrings.FindZone(ToText(At(arguments, 2))) ?? DateTimeZone.Utc;
        try
        {
            return instant.InZone(zone).ToDateTimeOffset().ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new TemplateHelperException($"date format \"{format}\" is not a valid .NET date format");
        }
    }
}
