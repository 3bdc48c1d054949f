using Trellis.Measurement.Reports;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>What happened at one step: reached, sent/skipped/deferred, where people went next, where they stopped.</summary>
internal sealed class StepCounters(string id, int index)
{
    public string Id { get; } = id;

    public int Index { get; } = index;

    /// <summary>Step lines: times the step was reached.</summary>
    public long Entries { get; set; }

    /// <summary>Instances at this step now.</summary>
    public long Active { get; set; }

    public Dictionary<string, long> SendsByChannel { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Skips { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Defers { get; } = new(StringComparer.Ordinal);

    /// <summary>Transitions to the step with this index (in the journey's counters).</summary>
    public Dictionary<int, long> Next { get; } = [];

    /// <summary>Instances that ended while here, by outcome (converted, exited, completed).</summary>
    public long[] Ended { get; } = new long[3];

    public DurationSketch TimeToNext { get; } = new();

    public RecentPeople Recent { get; } = new();
}
