using System.Globalization;
using HandlebarsDotNet;
using static Trellis.Templates.Helpers.HelperValues;

namespace Trellis.Templates.Helpers;

/// <summary>
/// <c>{{number value ["format"]}}</c>: formats a number (or numeric text) with a .NET format string in the
/// invariant culture; without a format, the shortest text that round-trips. Missing or non-numeric values
/// render as empty text.
/// </summary>
internal static class NumberHelper
{
    public static void Register(IHandlebars handlebars) =>
        handlebars.RegisterHelper("number", (Context _, Arguments arguments) => Format(arguments));

    private static string Format(in Arguments arguments)
    {
        if (!TryGetNumber(At(arguments, 0), allowText: true, out var number))
        {
            return "";
        }

        var format = ToText(At(arguments, 1));
        try
        {
            return format.Length == 0
                ? number.ToString(CultureInfo.InvariantCulture)
                : number.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw new TemplateHelperException($"number format \"{format}\" is not a valid .NET number format");
        }
    }
}
