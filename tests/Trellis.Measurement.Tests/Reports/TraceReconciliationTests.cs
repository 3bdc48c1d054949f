using System.Globalization;
using System.Text.Json;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Tests.Support;
using Trellis.Runtime.Tracing;

namespace Trellis.Measurement.Tests.Reports;

/// <summary>
/// The report must agree exactly with the trace: a small simulation is traced to JSON Lines (as `trellis run`
/// writes them), and every count is recomputed here from the raw lines alone. Per-instance figures (where people
/// went next, how long it took, where they ended) need lines grouped by instance; trace lines carry no instance
/// number, so those are checked on unkeyed journeys, where (person, journey) names the one running instance.
/// </summary>
public class TraceReconciliationTests
{
    private static readonly Lazy<(SimulationResult Report, List<JsonElement> Lines)> Run = new(() =>
    {
        var lines = new List<JsonElement>();
        var report = TestContent.Simulate(1500, 45, seed: 11, threads: 1, trace: e => lines.Add(JsonDocument.Parse(TraceLine.ToJson(e)).RootElement));
        return (new SimulationResult(report), lines);
    });

    private static List<JsonElement> Lines => Run.Value.Lines;

    private static IReadOnlyList<JourneyReport> Journeys => Run.Value.Report.Report.Journeys;

    [Fact]
    public void The_simulation_produced_a_rich_trace()
    {
        Assert.True(Lines.Count > 10_000, $"{Lines.Count} lines");
        foreach (var type in new[] { "enter", "step", "send", "skip", "defer", "goal", "exit" })
        {
            Assert.Contains(Lines, l => Str(l, "type") == type);
        }
    }

    [Fact]
    public void Journey_totals_match_the_trace()
    {
        foreach (var j in Journeys)
        {
            var mine = Lines.Where(l => Str(l, "journey") == j.Journey).ToList();
            Assert.Equal(mine.Count(l => Str(l, "type") == "enter"), j.Entrants);
            Assert.Equal(mine.Where(l => Str(l, "type") == "enter").Select(l => Str(l, "user")).Distinct().LongCount(), j.People);
            Assert.Equal(mine.Count(l => Str(l, "type") == "goal"), j.Conversions.InJourney);
            Assert.Equal(mine.Where(l => Str(l, "type") == "goal").Sum(GoalValue), j.Conversions.RevenueInJourney);
            Assert.Equal(j.Conversions.RevenueInJourney + j.Conversions.RevenueAfterLeaving, j.Conversions.Revenue);
            Assert.Equal(Outcomes(mine, "converted"), j.Outcomes.Converted);
            Assert.Equal(Outcomes(mine, "exited"), j.Outcomes.Exited);
            Assert.Equal(Outcomes(mine, "completed"), j.Outcomes.Completed);
            Assert.Equal(j.Entrants - mine.Count(l => Str(l, "type") == "exit"), j.Outcomes.Active);
            AssertCounts(mine.Where(l => Str(l, "type") == "exit"), "reason", j.ExitReasons);
            AssertCounts(mine.Where(l => Str(l, "type") == "send"), "channel", j.SendsByChannel);
            AssertCounts(mine.Where(l => Str(l, "type") == "skip"), "reason", j.Skips);
            AssertCounts(mine.Where(l => Str(l, "type") == "defer"), "reason", j.Defers);
        }
    }

    [Fact]
    public void Step_counts_match_the_trace()
    {
        foreach (var j in Journeys)
        {
            foreach (var s in j.Steps)
            {
                var mine = Lines.Where(l => Str(l, "journey") == j.Journey && Str(l, "step") == s.Step).ToList();
                Assert.Equal(mine.Count(l => Str(l, "type") == "step"), s.Entries);
                AssertCounts(mine.Where(l => Str(l, "type") == "send"), "channel", s.SendsByChannel);
                AssertCounts(mine.Where(l => Str(l, "type") == "skip"), "reason", s.Skips);
                AssertCounts(mine.Where(l => Str(l, "type") == "defer"), "reason", s.Defers);
            }
        }
    }

    [Fact]
    public void Per_instance_figures_match_the_trace_on_unkeyed_journeys()
    {
        var keyed = Lines.Where(l => Str(l, "type") == "enter" && l.TryGetProperty("key", out _)).Select(l => Str(l, "journey")).ToHashSet();
        foreach (var j in Journeys.Where(j => !keyed.Contains(j.Journey) && j.Entrants > 0))
        {
            var current = new Dictionary<string, (string Step, DateTimeOffset At)>();
            var next = new Dictionary<(string From, string To), long>();
            var durations = new Dictionary<string, List<double>>();
            var ended = new Dictionary<(string Step, string Outcome), long>();
            foreach (var l in Lines.Where(l => Str(l, "journey") == j.Journey))
            {
                var user = Str(l, "user")!;
                var at = DateTimeOffset.Parse(Str(l, "at")!, CultureInfo.InvariantCulture);
                switch (Str(l, "type"))
                {
                    case "enter":
                        current.Remove(user);
                        break;
                    case "step":
                        var step = Str(l, "step")!;
                        if (current.TryGetValue(user, out var previous))
                        {
                            next[(previous.Step, step)] = next.GetValueOrDefault((previous.Step, step)) + 1;
                            (durations.TryGetValue(previous.Step, out var list) ? list : durations[previous.Step] = []).Add((at - previous.At).TotalSeconds);
                        }

                        current[user] = (step, at);
                        break;
                    case "exit":
                        if (current.Remove(user, out var last))
                        {
                            ended[(last.Step, Str(l, "outcome")!)] = ended.GetValueOrDefault((last.Step, Str(l, "outcome")!)) + 1;
                        }

                        break;
                }
            }

            foreach (var s in j.Steps)
            {
                foreach (var t in s.Next)
                {
                    Assert.Equal(next.GetValueOrDefault((s.Step, t.To)), t.Count);
                }

                Assert.Equal(next.Where(kv => kv.Key.From == s.Step).Sum(kv => kv.Value), s.Next.Sum(t => t.Count));
                Assert.Equal(ended.GetValueOrDefault((s.Step, "exited")), s.Ended.Exited);
                Assert.Equal(ended.GetValueOrDefault((s.Step, "converted")), s.Ended.Converted);
                Assert.Equal(ended.GetValueOrDefault((s.Step, "completed")), s.Ended.Completed);
                Assert.Equal(current.Values.Count(c => c.Step == s.Step), s.Ended.Active);
                var values = durations.GetValueOrDefault(s.Step) ?? [];
                Assert.Equal(values.Count, s.TimeToNextStep.Count);
                if (values.Count > 0)
                {
                    AssertQuantile(values, 0.5, s.TimeToNextStep.MedianSeconds!.Value, s.TimeToNextStep.Exact);
                    AssertQuantile(values, 0.9, s.TimeToNextStep.P90Seconds!.Value, s.TimeToNextStep.Exact);
                }
            }
        }
    }

    [Fact]
    public void Holdout_and_split_arms_match_the_trace()
    {
        foreach (var j in Journeys.Where(j => j.Holdout is not null || j.Splits.Count > 0))
        {
            var holdout = new Dictionary<string, bool>();
            var arms = new Dictionary<string, long>();
            long holdoutEntrants = 0, messagedEntrants = 0, holdoutGoals = 0, messagedGoals = 0;
            foreach (var l in Lines.Where(l => Str(l, "journey") == j.Journey))
            {
                var user = Str(l, "user")!;
                switch (Str(l, "type"))
                {
                    case "enter":
                        var isHoldout = l.TryGetProperty("holdout", out var h) && h.GetBoolean();
                        holdout[user] = isHoldout;
                        _ = isHoldout ? holdoutEntrants++ : messagedEntrants++;
                        break;
                    case "step" when l.TryGetProperty("variant", out var variant) && !holdout[user]:
                        arms[variant.GetString()!] = arms.GetValueOrDefault(variant.GetString()!) + 1;
                        break;
                    case "goal":
                        _ = holdout[user] ? holdoutGoals++ : messagedGoals++;
                        break;
                }
            }

            if (j.Holdout is { } experiment)
            {
                var control = experiment.Arms.Single(a => a.Arm == "holdout");
                var treatment = experiment.Arms.Single(a => a.Arm == "messaged");
                Assert.Equal(holdoutEntrants, control.Entrants);
                Assert.Equal(messagedEntrants, treatment.Entrants);
                // Arm conversions also count goals after leaving (not in the trace): the trace gives the in-journey part.
                Assert.Equal(holdoutGoals, control.Conversions - control.ConversionsAfterLeaving);
                Assert.Equal(messagedGoals, treatment.Conversions - treatment.ConversionsAfterLeaving);
                Assert.True(holdoutEntrants > 0 && messagedEntrants > 0);
            }

            foreach (var split in j.Splits)
            {
                foreach (var arm in split.Arms)
                {
                    Assert.Equal(arms.GetValueOrDefault(arm.Arm), arm.Entrants);
                }
            }
        }
    }

    private static decimal GoalValue(JsonElement l) =>
        l.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? (decimal)v.GetDouble() : 0m;

    private static long Outcomes(IEnumerable<JsonElement> lines, string outcome) =>
        lines.Count(l => Str(l, "type") == "exit" && Str(l, "outcome") == outcome);

    private static void AssertCounts(IEnumerable<JsonElement> lines, string field, SortedDictionary<string, long> reported)
    {
        var counted = lines.GroupBy(l => Str(l, field)!).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(counted.OrderBy(kv => kv.Key, StringComparer.Ordinal), reported.Where(kv => kv.Value > 0));
    }

    private static void AssertQuantile(List<double> values, double q, double reported, bool exact)
    {
        var sorted = values.Order().ToArray();
        var truth = sorted[Math.Max(1, (int)Math.Ceiling(q * sorted.Length)) - 1];
        if (exact)
        {
            Assert.Equal(truth, reported, 6);
        }
        else if (truth < 1)
        {
            Assert.Equal(0, reported);
        }
        else
        {
            Assert.InRange(reported, truth * (1 - DurationSketch.RelativeAccuracy) - 1e-9, truth * (1 + DurationSketch.RelativeAccuracy) + 1e-9);
        }
    }

    private static string? Str(JsonElement l, string name) => l.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Wraps the report so the lazily computed pair has a plain type.</summary>
    private sealed record SimulationResult(Trellis.Measurement.Simulation.Reporting.SimulationReport Report);
}
