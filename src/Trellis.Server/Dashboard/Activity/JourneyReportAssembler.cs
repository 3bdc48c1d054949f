using Trellis.Core.Journeys;
using Trellis.Core.Time;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Statistics;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// Turns a journey's live counters into a Measurement <see cref="JourneyReport"/>, so live numbers, lift tests
/// and <c>trellis simulate</c> reports share one shape and one statistics library. Steps follow the
/// definition when there is one; steps only the trace knows (removed since) come last. Conversions are the
/// goal lines of the trace: goals reached after a person left are not in the live counts.
/// </summary>
internal static class JourneyReportAssembler
{
    public static JourneySnapshot Assemble(string journeyId, JourneyCounters? counters, JourneyDefinition? definition)
    {
        var steps = OrderedSteps(counters, definition);
        var entrants = counters?.Entrants ?? 0;
        var channels = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var skips = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var defers = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var stepReports = new List<StepReport>();
        foreach (var (id, kind, step) in steps)
        {
            if (step is not null)
            {
                AddAll(channels, step.SendsByChannel);
                AddAll(skips, step.Skips);
                AddAll(defers, step.Defers);
            }

            stepReports.Add(Step(id, kind, step, counters, entrants));
        }

        var active = (counters?.ActiveBeforeFirstStep ?? 0) + (counters?.Steps.Sum(s => s.Active) ?? 0);
        var goals = counters?.Goals ?? 0;
        var revenue = counters?.GoalValue ?? 0;
        var report = new JourneyReport
        {
            Journey = journeyId,
            Name = definition?.Name,
            Priority = definition?.Priority ?? 0,
            Topic = definition?.Topic,
            Transactional = definition?.Transactional ?? false,
            HoldoutPercent = definition?.HoldoutPercent ?? 0,
            Entrants = entrants,
            People = entrants - (counters?.Reentries ?? 0),
            Reentries = counters?.Reentries ?? 0,
            ReentryRate = Ratio(counters?.Reentries ?? 0, entrants),
            Outcomes = new OutcomeCounts(Outcome(counters, 0), Outcome(counters, 1), Outcome(counters, 2), active),
            ExitReasons = Sorted(counters?.ExitReasons),
            Conversions = new ConversionSummary(goals, 0, goals, Ratio(goals, entrants), revenue,
                entrants == 0 ? 0 : Math.Round(revenue / entrants, 4),
                definition?.Goal?.Within is { } within ? DurationText.Format(within) : null),
            Sends = channels.Values.Sum(),
            SendsByChannel = channels,
            Skips = skips,
            Defers = defers,
            Steps = stepReports,
            Holdout = counters is not null && (definition?.HoldoutPercent > 0 || counters.HoldoutArms[0].Entrants > 0)
                ? Experiment(null, counters.HoldoutArms)
                : null,
            Splits = counters?.Splits.Select(s => Experiment(s.StepId, s.Arms.ToArray())).ToArray() ?? [],
        };
        var fromEntry = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (index, count) in counters?.FromEntry ?? [])
        {
            fromEntry[counters!.Steps[index].Id] = count;
        }

        return new JourneySnapshot(report, fromEntry, counters?.ActiveBeforeFirstStep ?? 0);
    }

    private static List<(string Id, string Kind, StepCounters? Counters)> OrderedSteps(JourneyCounters? counters, JourneyDefinition? definition)
    {
        var list = new List<(string, string, StepCounters?)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in definition?.Steps ?? [])
        {
            list.Add((step.Id, step.Kind, counters?.FindStep(step.Id)));
            seen.Add(step.Id);
        }

        foreach (var step in counters?.Steps ?? [])
        {
            if (seen.Add(step.Id))
            {
                list.Add((step.Id, "removed", step));
            }
        }

        return list;
    }

    private static StepReport Step(string id, string kind, StepCounters? s, JourneyCounters? journey, long entrants)
    {
        var next = new List<StepTransition>();
        foreach (var (index, count) in s?.Next.OrderBy(kv => kv.Key) ?? Enumerable.Empty<KeyValuePair<int, long>>())
        {
            next.Add(new StepTransition(journey!.Steps[index].Id, count));
        }

        var sends = Sorted(s?.SendsByChannel);
        return new StepReport
        {
            Step = id,
            Kind = kind,
            Entries = s?.Entries ?? 0,
            ReachRate = Ratio(s?.Entries ?? 0, entrants),
            Sends = sends.Values.Sum(),
            SendsByChannel = sends,
            Skips = Sorted(s?.Skips),
            Defers = Sorted(s?.Defers),
            Next = next,
            TimeToNextStep = s is null ? new QuantileSummary(0, null, null, true, 0) : QuantileSummary.Of(s.TimeToNext),
            Ended = new OutcomeCounts(s?.Ended[0] ?? 0, s?.Ended[1] ?? 0, s?.Ended[2] ?? 0, s?.Active ?? 0),
            DropOff = s?.Ended[1] ?? 0,
        };
    }

    private static ExperimentReport Experiment(string? step, ArmCounters[] arms)
    {
        var reports = arms.Select(a => new ArmReport(
            a.Name,
            a.Entrants,
            a.Conversions,
            0,
            Ratio(a.Conversions, a.Entrants),
            WilsonInterval.Of(Math.Min(a.Conversions, a.Entrants), a.Entrants),
            (decimal)a.Revenue,
            a.Entrants == 0 ? 0 : Math.Round((decimal)a.Revenue / a.Entrants, 4))).ToArray();
        var control = arms[0].ToCounts();
        var comparisons = arms.Skip(1).Select(a => LiftAnalysis.Compare(control, a.ToCounts())).ToArray();
        return new ExperimentReport(step, reports, comparisons);
    }

    private static long Outcome(JourneyCounters? counters, int index) => counters?.Outcomes[index] ?? 0;

    private static void AddAll(SortedDictionary<string, long> into, Dictionary<string, long> from)
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }

    private static SortedDictionary<string, long> Sorted(Dictionary<string, long>? counts) =>
        counts is null ? new SortedDictionary<string, long>(StringComparer.Ordinal) : new SortedDictionary<string, long>(counts, StringComparer.Ordinal);

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
