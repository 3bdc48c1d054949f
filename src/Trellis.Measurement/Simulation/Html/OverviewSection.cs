using System.Text;
using Trellis.Measurement.Simulation.Reporting;
using static Trellis.Measurement.Simulation.Html.HtmlText;

namespace Trellis.Measurement.Simulation.Html;

/// <summary>The whole-workspace part: population, events, engagement, messages per person per week, collisions.</summary>
internal static class OverviewSection
{
    public static string Render(SimulationReport r)
    {
        var html = new StringBuilder();
        html.Append("<section id=\"overview\"><h2>Journeys</h2>");
        html.Append(BarChart.Horizontal("Entries per journey", r.Journeys.Select(j => new BarRow(j.Journey, [new BarSegment("entries", j.Entrants)])).ToList()));
        html.Append(BarChart.Horizontal("Sends by channel", r.Journeys.Select(j => new BarRow(j.Journey, j.SendsByChannel.Select(kv => new BarSegment(kv.Key, kv.Value)).ToList())).ToList()));
        html.Append(BarChart.Horizontal("Skips by reason", r.Journeys.Select(j => new BarRow(j.Journey, j.Skips.Select(kv => new BarSegment(kv.Key, kv.Value)).ToList())).ToList()));
        html.Append("<table><thead><tr><th>journey</th><th>entries</th><th>people</th><th>sends</th><th>conversions</th><th>rate</th><th>holdout verdict</th></tr></thead><tbody>");
        foreach (var j in r.Journeys)
        {
            var verdict = j.Holdout?.Comparisons.FirstOrDefault()?.Verdict ?? "no holdout";
            html.Append($"<tr><td><a href=\"#journey-{E(j.Journey)}\">{E(j.Journey)}</a></td><td>{N(j.Entrants)}</td><td>{N(j.People)}</td><td>{N(j.Sends)}</td><td>{N(j.Conversions.Total)}</td><td>{Percent(j.Conversions.Rate)}</td><td>{E(verdict)}</td></tr>");
        }

        html.Append("</tbody></table></section>");

        var w = r.MessagesPerPersonPerWeek;
        html.Append("<section id=\"messages\"><h2>Messages per person per week</h2>");
        html.Append($"<p>{N(w.PersonWeeks)} person-weeks ({w.Weeks} whole weeks). All messages: mean {N(w.All.Mean, "0.00")}, median {w.All.Median}, p90 {w.All.P90}, p99 {w.All.P99}, max {w.All.Max}. " +
                    $"Marketing: mean {N(w.Marketing.Mean, "0.00")}, p90 {w.Marketing.P90}, max {w.Marketing.Max}.</p>");
        html.Append(BarChart.Histogram("Person-weeks by messages that week", "messages in the week", [
            ("all", w.All.Counts.Select(c => c.PersonWeeks).ToList()),
            ("marketing", w.Marketing.Counts.Select(c => c.PersonWeeks).ToList()),
        ]));
        html.Append("</section>");

        var c = r.Collisions;
        html.Append($"<section id=\"collisions\"><h2>Collisions between journeys</h2><p>{N(c.PeopleInTwoOrMore)} people ({Percent(c.Share)}) were in two or more journeys at once.</p>");
        html.Append(BarChart.Horizontal("Entered one journey while in another", c.Overlaps.OrderByDescending(o => o.Count).Select(o => new BarRow($"{o.Entered} ⟵ {o.WhileIn}", [new BarSegment("entries", o.Count)])).ToList()));
        html.Append(BarChart.Horizontal("Held back by arbitration", c.Arbitration.Select(a => new BarRow(a.Journey, [new BarSegment("deferred", a.Deferred), new BarSegment("skipped", a.Skipped)])).ToList()));
        html.Append("</section>");

        html.Append("<section id=\"population\"><h2>Population and engagement</h2>");
        html.Append(BarChart.Horizontal("Personas", r.Population.Personas.Select(kv => new BarRow(kv.Key, [new BarSegment("entries", kv.Value)])).ToList()));
        html.Append(BarChart.Horizontal("Reachable", r.Population.Reachable.Select(kv => new BarRow(kv.Key, [new BarSegment("entries", kv.Value)])).ToList(), r.Population.People));
        html.Append(BarChart.Horizontal("Events", r.Events.Select(kv => new BarRow(kv.Key, [new BarSegment("entries", kv.Value)])).ToList()));
        html.Append("<table><thead><tr><th>channel</th><th>sent</th><th>delivered</th><th>opened</th><th>clicked</th><th>open rate</th><th>click rate</th></tr></thead><tbody>");
        foreach (var (channel, e) in r.Engagement)
        {
            html.Append($"<tr><td>{E(channel)}</td><td>{N(e.Sent)}</td><td>{N(e.Delivered)}</td><td>{N(e.Opened)}</td><td>{N(e.Clicked)}</td><td>{Percent(e.OpenRate)}</td><td>{Percent(e.ClickRate)}</td></tr>");
        }

        html.Append("</tbody></table></section>");
        return html.ToString();
    }
}
