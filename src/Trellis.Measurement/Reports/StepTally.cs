using Trellis.Core.Journeys;

namespace Trellis.Measurement.Reports;

/// <summary>Counters for one step of one journey. Fixed size: O(steps) per step at most (the transition row).</summary>
public sealed class StepTally(StepDefinition definition, int stepCount)
{
    public StepDefinition Definition { get; } = definition;

    /// <summary>Step lines: times a person reached this step.</summary>
    public long Entries { get; set; }

    public long[] SendsByChannel { get; } = new long[Enum.GetValues<Channel>().Length];

    public NameCounts Skips { get; } = new();

    public NameCounts Defers { get; } = new();

    /// <summary>Instances that ended while at this step, by outcome (index = <see cref="Core.Engine.Effects.Outcome"/>).</summary>
    public long[] Ended { get; } = new long[4];

    /// <summary>How often the next step line of the same instance was each step (index = step index).</summary>
    public long[] Next { get; } = new long[stepCount];

    /// <summary>Time from reaching this step to reaching the next one (waits, deferrals), per transition.</summary>
    public DurationSketch TimeToNext { get; } = new();

    public void Merge(StepTally other)
    {
        Entries += other.Entries;
        Add(SendsByChannel, other.SendsByChannel);
        Skips.Merge(other.Skips);
        Defers.Merge(other.Defers);
        Add(Ended, other.Ended);
        Add(Next, other.Next);
        TimeToNext.Merge(other.TimeToNext);
    }

    private static void Add(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
