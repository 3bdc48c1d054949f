using Trellis.Core.Journeys;

namespace Trellis.Measurement.Reports;

/// <summary>Counters for one journey: entries, outcomes, conversions, per-step tallies and the experiment arms.</summary>
public sealed class JourneyTally
{
    /// <summary>Split steps beyond this many per journey are still counted per step, but not as arms.</summary>
    public const int MaxSplitsTracked = 8;

    public JourneyTally(JourneyDefinition definition, int index)
    {
        Definition = definition;
        Index = index;
        var n = definition.Steps.Count;
        Steps = new StepTally[n];
        SplitSlot = new int[n];
        var splits = new List<ArmTally[]>();
        for (var i = 0; i < n; i++)
        {
            var step = definition.Steps[i];
            Steps[i] = new StepTally(step, n);
            StepIndex[step.Id] = i;
            SplitSlot[i] = -1;
            if (step is SplitStep split && splits.Count < MaxSplitsTracked)
            {
                SplitSlot[i] = splits.Count;
                splits.Add(split.Variants.Select(v => new ArmTally(v.Name)).ToArray());
            }
        }

        SplitArms = splits.ToArray();
    }

    public JourneyDefinition Definition { get; }

    public int Index { get; }

    public StepTally[] Steps { get; }

    public Dictionary<string, int> StepIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Per step: its slot among the journey's split steps, or -1.</summary>
    public int[] SplitSlot { get; }

    public long Entrants { get; set; }

    public long Reentries { get; set; }

    /// <summary>Index = <see cref="Core.Engine.Effects.Outcome"/>.</summary>
    public long[] Outcomes { get; } = new long[4];

    public NameCounts ExitReasons { get; } = new();

    /// <summary>Goal lines in the trace (conversions while in the journey).</summary>
    public long Goals { get; set; }

    public decimal GoalValue { get; set; }

    public long LateConversions { get; set; }

    public decimal LateValue { get; set; }

    /// <summary>[0] the holdout (control), [1] the people who get messages.</summary>
    public ArmTally[] HoldoutArms { get; } = [new("holdout"), new("messaged")];

    /// <summary>Per split slot, per variant. Holdout instances are left out: they get no messages in any arm.</summary>
    public ArmTally[][] SplitArms { get; }

    public void Merge(JourneyTally other)
    {
        Entrants += other.Entrants;
        Reentries += other.Reentries;
        for (var i = 0; i < Outcomes.Length; i++)
        {
            Outcomes[i] += other.Outcomes[i];
        }

        ExitReasons.Merge(other.ExitReasons);
        Goals += other.Goals;
        GoalValue += other.GoalValue;
        LateConversions += other.LateConversions;
        LateValue += other.LateValue;
        for (var i = 0; i < Steps.Length; i++)
        {
            Steps[i].Merge(other.Steps[i]);
        }

        HoldoutArms[0].Merge(other.HoldoutArms[0]);
        HoldoutArms[1].Merge(other.HoldoutArms[1]);
        for (var s = 0; s < SplitArms.Length; s++)
        {
            for (var v = 0; v < SplitArms[s].Length; v++)
            {
                SplitArms[s][v].Merge(other.SplitArms[s][v]);
            }
        }
    }
}
