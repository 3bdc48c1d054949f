using Trellis.Measurement.Simulation.Reporting;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>The HTML report (placeholder until the charts are drawn).</summary>
public static class HtmlReport
{
    public static string Render(SimulationReport report, string json) => "<!doctype html><pre>" + System.Net.WebUtility.HtmlEncode(json) + "</pre>";
}
