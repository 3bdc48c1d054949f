using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Time;
using Trellis.Measurement.Statistics;

namespace Trellis.Measurement.Reports;

/// <summary>Turns a journey's tallies into its report: totals, rates, arms and their comparisons.</summary>
internal static class JourneyReportFactory
{
    public static JourneyReport Create(JourneyTally t, long[] activeByStep, long people, double minimumDetectableLift)
    {
        var d = t.Definition;
        var channels = new long[Enum.GetValues<Channel>().Length];
        var skips = new NameCounts();
        var defers = new NameCounts();
        foreach (var step in t.Steps)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                channels[c] += step.SendsByChannel[c];
            }

            skips.Merge(step.Skips);
            defers.Merge(step.Defers);
        }

        var active = activeByStep.Sum();
        var conversions = t.Goals + t.LateConversions;
        var revenue = t.GoalValue + t.LateValue;
        return new JourneyReport
        {
            Journey = d.Id,
            Name = d.Name,
            Priority = d.Priority,
            Topic = d.Topic,
            Transactional = d.Transactional,
            HoldoutPercent = d.HoldoutPercent,
            Entrants = t.Entrants,
            People = people,
            Reentries = t.Reentries,
            ReentryRate = Ratio(t.Reentries, t.Entrants),
            Outcomes = new OutcomeCounts(t.Outcomes[(int)Outcome.Converted], t.Outcomes[(int)Outcome.Exited], t.Outcomes[(int)Outcome.Completed], active),
            ExitReasons = t.ExitReasons.ToSorted(),
            Conversions = new ConversionSummary(
                t.Goals,
                t.LateConversions,
                conversions,
                Ratio(conversions, t.Entrants),
                revenue,
                t.Entrants == 0 ? 0 : Math.Round(revenue / t.Entrants, 4),
                d.Goal?.Within is { } within ? DurationText.Format(within) : null)
            {
                RevenueInJourney = t.GoalValue,
                RevenueAfterLeaving = t.LateValue,
            },
            Sends = channels.Sum(),
            SendsByChannel = ByChannel(channels),
            Skips = skips.ToSorted(),
            Defers = defers.ToSorted(),
            Steps = t.Steps.Select((s, i) => Step(t, s, activeByStep[i + 1])).ToArray(),
            Holdout = d.HoldoutPercent > 0 ? Experiment(null, t.HoldoutArms, minimumDetectableLift) : null,
            Splits = t.SplitArms.Select((arms, slot) => Experiment(SplitStepId(t, slot), arms, minimumDetectableLift)).ToArray(),
        };
    }

    private static StepReport Step(JourneyTally journey, StepTally s, long active)
    {
        var next = new List<StepTransition>();
        for (var i = 0; i < s.Next.Length; i++)
        {
            if (s.Next[i] > 0)
            {
                next.Add(new StepTransition(journey.Steps[i].Definition.Id, s.Next[i]));
            }
        }

        return new StepReport
        {
            Step = s.Definition.Id,
            Kind = s.Definition.Kind,
            Entries = s.Entries,
            ReachRate = Ratio(s.Entries, journey.Entrants),
            Sends = s.SendsByChannel.Sum(),
            SendsByChannel = ByChannel(s.SendsByChannel),
            Skips = s.Skips.ToSorted(),
            Defers = s.Defers.ToSorted(),
            Next = next,
            TimeToNextStep = QuantileSummary.Of(s.TimeToNext),
            Ended = new OutcomeCounts(s.Ended[(int)Outcome.Converted], s.Ended[(int)Outcome.Exited], s.Ended[(int)Outcome.Completed], active),
            DropOff = s.Ended[(int)Outcome.Exited],
        };
    }

    private static ExperimentReport Experiment(string? step, ArmTally[] arms, double minimumDetectableLift)
    {
        var reports = arms.Select(Arm).ToArray();
        var control = arms[0].ToCounts();
        var comparisons = arms.Skip(1).Select(a => LiftAnalysis.Compare(control, a.ToCounts(), minimumDetectableLift)).ToArray();
        return new ExperimentReport(step, reports, comparisons);
    }

    private static ArmReport Arm(ArmTally a) => new(
        a.Name,
        a.Entrants,
        a.Conversions,
        a.LateConversions,
        Ratio(a.Conversions, a.Entrants),
        WilsonInterval.Of(a.Conversions, a.Entrants),
        a.Revenue,
        a.Entrants == 0 ? 0 : Math.Round(a.Revenue / a.Entrants, 4));

    private static string SplitStepId(JourneyTally t, int slot) => t.Definition.Steps[Array.IndexOf(t.SplitSlot, slot)].Id;

    private static SortedDictionary<string, long> ByChannel(long[] counts)
    {
        var sorted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < counts.Length; c++)
        {
            if (counts[c] > 0)
            {
                sorted[((Channel)c).Name()] = counts[c];
            }
        }

        return sorted;
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
