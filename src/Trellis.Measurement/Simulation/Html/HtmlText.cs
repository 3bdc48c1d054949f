using System.Globalization;
using System.Net;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>Escaping and number formats for the HTML report (invariant culture: the same bytes on every machine).</summary>
public static class HtmlText
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string N(double x, string format = "0.##") => x.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Seconds as a short human duration: 0, 45s, 12m, 3.5h, 2.0d.</summary>
    public static string Duration(double? seconds) => seconds switch
    {
        null => "–",
        < 1 => "0",
        < 90 => N(seconds.Value, "0") + "s",
        < 5400 => N(seconds.Value / 60, "0") + "m",
        < 129_600 => N(seconds.Value / 3600, "0.0") + "h",
        _ => N(seconds.Value / 86400, "0.0") + "d",
    };
}
