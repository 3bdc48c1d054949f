using System.Text;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Simulation.Html;

namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Writes the report as JSON, or as a self-contained HTML page with charts when the path ends in .html.</summary>
public static class SimulationReportWriter
{
    public static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    public static string Render(SimulationReport report, bool html)
    {
        var json = ReportJson.Serialize(report);
        return html ? HtmlReport.Render(report, json) : json;
    }

    public static void Write(SimulationReport report, string path) =>
        File.WriteAllText(path, Render(report, IsHtml(path)), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
