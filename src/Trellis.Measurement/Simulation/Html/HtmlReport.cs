using System.Text;
using Trellis.Measurement.Simulation.Reporting;
using static Trellis.Measurement.Simulation.Html.HtmlText;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>
/// The report as one self-contained HTML page: inline CSS and SVG charts (no script, no network, readable offline),
/// with the JSON report embedded for machines. Deterministic: no timestamps, invariant formats.
/// </summary>
public static class HtmlReport
{
    private const string Style =
        "body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}" +
        "h1{margin-bottom:0}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}h2 small{color:#777;font-weight:normal;font-size:60%}" +
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}td:first-child,th:first-child{text-align:left}" +
        "figure{margin:1em 0}figcaption{font-weight:600;margin-bottom:.3em}svg text{font:12px system-ui,sans-serif;fill:#333}svg .value{fill:#555}" +
        ".cards{display:flex;flex-wrap:wrap;gap:.6em}.card{border:1px solid #ddd;border-radius:6px;padding:.4em .8em;min-width:8em}" +
        ".card .value{font-size:130%;font-weight:600}.card .label{color:#666}.verdict{padding:.4em .6em;background:#f4f4f4;border-left:4px solid #888}" +
        ".verdict.significant{border-color:#59a14f}.note,.empty{color:#777}.warnings{color:#a04000}nav a{margin-right:1em}";

    public static string Render(SimulationReport report, string json)
    {
        var s = report.Settings;
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Trellis simulation report</title>");
        html.Append($"<style>{Style}</style></head><body>");
        html.Append($"<h1>Simulation report</h1><p>{N(s.People)} people × {s.Days} days ({E(s.Start)} to {E(s.End)}), seed {s.Seed}, behaviour model: {E(s.Behavior)}.</p>");
        html.Append("<nav><a href=\"#overview\">journeys</a><a href=\"#messages\">messages per week</a><a href=\"#collisions\">collisions</a><a href=\"#population\">population</a></nav>");
        if (report.Warnings.Count > 0)
        {
            html.Append("<ul class=\"warnings\">");
            foreach (var w in report.Warnings)
            {
                html.Append($"<li>{E(w)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append(OverviewSection.Render(report));
        foreach (var journey in report.Journeys)
        {
            html.Append(JourneySection.Render(journey));
        }

        // The JSON for machines; "</" is escaped so no value can close the script element.
        html.Append("<script type=\"application/json\" id=\"report-data\">");
        html.Append(json.Replace("</", "<\\/", StringComparison.Ordinal));
        html.Append("</script></body></html>\n");
        return html.ToString();
    }
}
