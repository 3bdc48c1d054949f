using NodaTime;
using Trellis.Server.Dashboard.Activity;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests.Activity;

/// <summary>The live counters, fed trace lines as the engine commits them.</summary>
public sealed class WorkspaceActivityTests
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    private static TraceEntry Line(int minute, string type, string? step, string details = "{}") =>
        new(T0 + Duration.FromMinutes(minute), type, "j", step, details);

    [Fact]
    public void Steps_edges_outcomes_and_the_holdout_are_counted_per_instance()
    {
        var activity = new WorkspaceActivity();
        activity.Apply("p1", [
            Line(0, "enter", null), Line(0, "step", "hello"), Line(0, "send", "hello", "{\"channel\":\"email\"}"),
            Line(0, "step", "wait"), Line(60, "step", "bye"), Line(60, "skip", "bye", "{\"reason\":\"frequency_cap\"}"),
            Line(61, "goal", null, "{\"value\":25}"), Line(61, "exit", null, "{\"outcome\":\"converted\",\"reason\":\"goal\"}"),
        ]);
        activity.Apply("p2", [Line(0, "enter", null, "{\"holdout\":true}"), Line(0, "step", "hello"), Line(0, "skip", "hello", "{\"reason\":\"holdout\"}"), Line(0, "step", "wait")]);
        activity.Apply("p3", [Line(0, "enter", null), Line(0, "step", "hello"), Line(0, "defer", "hello", "{\"reason\":\"quiet_hours\"}"),
            Line(5, "exit", null, "{\"outcome\":\"exited\",\"reason\":\"unsubscribed\"}")]);

        var snapshot = activity.Snapshot("j", null);
        var report = snapshot.Report;
        Assert.Equal(3, report.Entrants);
        Assert.Equal(1, report.Outcomes.Converted);
        Assert.Equal(1, report.Outcomes.Exited);
        Assert.Equal(1, report.Outcomes.Active);
        Assert.Equal(1, report.Conversions.Total);
        Assert.Equal(25m, report.Conversions.Revenue);
        Assert.Equal(3, snapshot.FromEntry["hello"]);

        var steps = report.Steps.ToDictionary(s => s.Step);
        Assert.Equal(3, steps["hello"].Entries);
        Assert.Equal(1, steps["hello"].SendsByChannel["email"]);
        Assert.Equal(1, steps["hello"].Skips["holdout"]);
        Assert.Equal(1, steps["hello"].Defers["quiet_hours"]);
        Assert.Equal(1, steps["hello"].DropOff);
        Assert.Equal(2, steps["hello"].Next.Single(n => n.To == "wait").Count);
        Assert.Equal(1, steps["wait"].Ended.Active);
        Assert.Equal(1, steps["bye"].Ended.Converted);
        Assert.Equal(3600, steps["wait"].TimeToNextStep.MedianSeconds);

        var arms = report.Holdout!.Arms;
        Assert.Equal(("holdout", 1L, 0L), (arms[0].Arm, arms[0].Entrants, arms[0].Conversions));
        Assert.Equal(("messaged", 2L, 1L), (arms[1].Arm, arms[1].Entrants, arms[1].Conversions));
        Assert.Equal(["p3", "p2", "p1"], activity.RecentAt("j", "hello").Select(r => r.PersonId));
        Assert.Equal("deferred: quiet_hours", activity.RecentAt("j", "hello")[0].Outcome);
    }

    [Fact]
    public void Split_variants_are_arms_and_conversions_credit_the_variant_taken()
    {
        var activity = new WorkspaceActivity();
        for (var i = 0; i < 10; i++)
        {
            var variant = i % 2 == 0 ? "a" : "b";
            var lines = new List<TraceEntry> { Line(0, "enter", null), Line(0, "step", "split", $"{{\"variant\":\"{variant}\"}}"), Line(0, "step", variant) };
            if (variant == "b" || i == 0)
            {
                lines.Add(Line(1, "goal", null, "{\"value\":10}"));
                lines.Add(Line(1, "exit", null, "{\"outcome\":\"converted\"}"));
            }

            activity.Apply("p" + i, lines);
        }

        var split = activity.Snapshot("j", null).Report.Splits.Single();
        Assert.Equal("split", split.Step);
        Assert.Equal([("a", 5L, 1L), ("b", 5L, 5L)], split.Arms.Select(a => (a.Arm, a.Entrants, a.Conversions)));
        Assert.Single(split.Comparisons);
    }

    [Fact]
    public void A_journey_nobody_entered_reports_zeros()
    {
        var report = new WorkspaceActivity().Snapshot("nothing", null).Report;
        Assert.Equal(0, report.Entrants);
        Assert.Empty(report.Steps);
        Assert.Null(report.Holdout);
    }
}
