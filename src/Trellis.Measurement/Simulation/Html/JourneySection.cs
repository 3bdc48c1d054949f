using System.Text;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Statistics;
using static Trellis.Measurement.Simulation.Html.HtmlText;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>One journey: headline figures, outcomes, per-step charts (entries, sends, skips), a step table and the experiments.</summary>
internal static class JourneySection
{
    public static string Render(JourneyReport j)
    {
        var html = new StringBuilder();
        html.Append($"<section id=\"journey-{E(j.Journey)}\"><h2>{E(j.Name ?? j.Journey)} <small>{E(j.Journey)} · priority {j.Priority}{(j.Transactional ? " · transactional" : "")}</small></h2>");
        html.Append("<div class=\"cards\">");
        Card(html, "entries", N(j.Entrants));
        Card(html, "people", N(j.People));
        Card(html, "re-entry rate", Percent(j.ReentryRate));
        Card(html, "sends", N(j.Sends));
        Card(html, "conversions", $"{N(j.Conversions.Total)} ({Percent(j.Conversions.Rate)})");
        Card(html, "revenue per entrant", N((double)j.Conversions.RevenuePerEntrant, "0.00"));
        html.Append("</div>");
        if (j.Conversions.AfterLeaving > 0)
        {
            html.Append($"<p>{N(j.Conversions.InJourney)} conversions in the journey, {N(j.Conversions.AfterLeaving)} after leaving (within {E(j.Conversions.Window)}).</p>");
        }

        var o = j.Outcomes;
        html.Append(BarChart.Horizontal("Outcomes", [new BarRow("instances", [new("converted", o.Converted), new("exited", o.Exited), new("completed", o.Completed), new("active", o.Active)])]));
        html.Append(BarChart.Horizontal("Entries per step", j.Steps.Select(s => new BarRow(s.Step, [new BarSegment("entries", s.Entries)], $"{N(s.Entries)} ({Percent(s.ReachRate)})")).ToList(), Math.Max(1, j.Entrants)));
        var sendSteps = j.Steps.Where(s => s.Kind == "send").ToList();
        html.Append(BarChart.Horizontal("Sends by channel", sendSteps.Select(s => new BarRow(s.Step, s.SendsByChannel.Select(kv => new BarSegment(kv.Key, kv.Value)).ToList())).ToList()));
        html.Append(BarChart.Horizontal("Skips by reason", sendSteps.Select(s => new BarRow(s.Step, s.Skips.Select(kv => new BarSegment(kv.Key, kv.Value)).ToList())).ToList()));
        if (sendSteps.Any(s => s.Defers.Count > 0))
        {
            html.Append(BarChart.Horizontal("Deferrals by reason", sendSteps.Select(s => new BarRow(s.Step, s.Defers.Select(kv => new BarSegment(kv.Key, kv.Value)).ToList())).ToList()));
        }

        html.Append(BarChart.Horizontal("Time to next step (median; p90 in the table)", j.Steps.Where(s => s.TimeToNextStep.Count > 0)
            .Select(s => new BarRow(s.Step, [new BarSegment("entries", (s.TimeToNextStep.MedianSeconds ?? 0) / 3600)], Duration(s.TimeToNextStep.MedianSeconds))).ToList()));
        StepTable(html, j);
        if (j.Holdout is { } holdout)
        {
            Experiment(html, "Holdout", holdout);
        }

        foreach (var split in j.Splits)
        {
            Experiment(html, $"Split at {split.Step}", split);
        }

        html.Append("</section>");
        return html.ToString();
    }

    private static void StepTable(StringBuilder html, JourneyReport j)
    {
        html.Append("<table><thead><tr><th>step</th><th>kind</th><th>entries</th><th>sends</th><th>skips</th><th>defers</th><th>next: median</th><th>p90</th><th>ended here</th><th>drop-off</th><th>still here</th></tr></thead><tbody>");
        foreach (var s in j.Steps)
        {
            var t = s.TimeToNextStep;
            html.Append($"<tr><td>{E(s.Step)}</td><td>{E(s.Kind)}</td><td>{N(s.Entries)}</td><td>{N(s.Sends)}</td><td>{N(s.Skips.Values.Sum())}</td><td>{N(s.Defers.Values.Sum())}</td>" +
                        $"<td>{Duration(t.MedianSeconds)}{(t.Exact || t.Count == 0 ? "" : "*")}</td><td>{Duration(t.P90Seconds)}</td>" +
                        $"<td>{N(s.Ended.Converted + s.Ended.Exited + s.Ended.Completed)}</td><td>{N(s.DropOff)}</td><td>{N(s.Ended.Active)}</td></tr>");
        }

        html.Append("</tbody></table><p class=\"note\">* from a sketch, within 1%; drop-off: left by an exit rule while at the step.</p>");
    }

    private static void Experiment(StringBuilder html, string title, ExperimentReport experiment)
    {
        html.Append($"<h3>{E(title)}</h3><table><thead><tr><th>arm</th><th>entrants</th><th>conversions</th><th>rate (95% CI)</th><th>revenue per entrant</th></tr></thead><tbody>");
        foreach (var a in experiment.Arms)
        {
            html.Append($"<tr><td>{E(a.Arm)}</td><td>{N(a.Entrants)}</td><td>{N(a.Conversions)}</td><td>{Percent(a.ConversionRate)} ({Percent(a.ConversionRateInterval.Low)}–{Percent(a.ConversionRateInterval.High)})</td><td>{N((double)a.RevenuePerEntrant, "0.00")}</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var c in experiment.Comparisons)
        {
            html.Append($"<p class=\"verdict{(c.Significant ? " significant" : "")}\">{E(c.Treatment)} vs {E(c.Control)}: {E(c.Verdict)}</p>");
            html.Append(IntervalChart(c));
        }
    }

    /// <summary>The absolute lift and its interval against zero: whether the interval crosses the line is the whole story.</summary>
    private static string IntervalChart(ArmComparison c)
    {
        var i = c.AbsoluteLiftInterval;
        var span = Math.Max(0.01, Math.Max(Math.Abs(i.Low), Math.Abs(i.High))) * 1.1;
        double X(double v) => 300 + v / span * 280;
        return $"<svg role=\"img\" viewBox=\"0 0 600 40\" width=\"600\" height=\"40\"><line x1=\"300\" y1=\"2\" x2=\"300\" y2=\"30\" stroke=\"#888\" stroke-dasharray=\"3\"/>" +
               $"<line x1=\"{N(X(i.Low), "0.#")}\" y1=\"16\" x2=\"{N(X(i.High), "0.#")}\" y2=\"16\" stroke=\"{(c.Significant ? "#59a14f" : "#888")}\" stroke-width=\"4\"/>" +
               $"<circle cx=\"{N(X(c.AbsoluteLift), "0.#")}\" cy=\"16\" r=\"5\" fill=\"#333\"/><text x=\"300\" y=\"39\" text-anchor=\"middle\">0</text>" +
               $"<text x=\"{N(X(i.Low), "0.#")}\" y=\"39\" text-anchor=\"middle\">{Verdicts.Points(i.Low)}</text><text x=\"{N(X(i.High), "0.#")}\" y=\"39\" text-anchor=\"middle\">{Verdicts.Points(i.High)}</text></svg>";
    }

    private static void Card(StringBuilder html, string label, string value) =>
        html.Append($"<div class=\"card\"><div class=\"value\">{E(value)}</div><div class=\"label\">{E(label)}</div></div>");
}
