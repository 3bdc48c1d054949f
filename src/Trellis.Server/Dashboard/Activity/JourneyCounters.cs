namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// One journey's counters, built from its trace lines. Steps are added as the trace names them, so the counters
/// need no definition (a journey edited since keeps the counts of its removed steps).
/// </summary>
internal sealed class JourneyCounters(string id, int index)
{
    /// <summary>Split arms are packed 8 bits per split into a ulong (<see cref="OpenInstance.Arms"/>).</summary>
    public const int MaxSplits = 8;

    private readonly Dictionary<string, int> _stepIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SplitCounters> _splits = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    public int Index { get; } = index;

    public long Entrants { get; set; }

    public long Reentries { get; set; }

    public long Goals { get; set; }

    public decimal GoalValue { get; set; }

    /// <summary>By outcome: converted, exited, completed.</summary>
    public long[] Outcomes { get; } = new long[3];

    public Dictionary<string, long> ExitReasons { get; } = new(StringComparer.Ordinal);

    public List<StepCounters> Steps { get; } = [];

    /// <summary>Transitions from the entry to the first step reached, by step index.</summary>
    public Dictionary<int, long> FromEntry { get; } = [];

    /// <summary>Instances that entered but have not reached a step yet.</summary>
    public long ActiveBeforeFirstStep { get; set; }

    /// <summary>[0] the holdout (control), [1] the messaged group.</summary>
    public ArmCounters[] HoldoutArms { get; } = [new("holdout"), new("messaged")];

    public IEnumerable<SplitCounters> Splits => _splits.Values.OrderBy(s => s.Slot);

    public StepCounters Step(string stepId)
    {
        if (!_stepIndex.TryGetValue(stepId, out var i))
        {
            i = Steps.Count;
            _stepIndex[stepId] = i;
            Steps.Add(new StepCounters(stepId, i));
        }

        return Steps[i];
    }

    public StepCounters? FindStep(string stepId) => _stepIndex.TryGetValue(stepId, out var i) ? Steps[i] : null;

    /// <summary>The split's counters; null when the journey already has <see cref="MaxSplits"/> others.</summary>
    public SplitCounters? Split(string stepId)
    {
        if (!_splits.TryGetValue(stepId, out var split))
        {
            if (_splits.Count >= MaxSplits)
            {
                return null;
            }

            split = new SplitCounters(stepId, _splits.Count);
            _splits[stepId] = split;
        }

        return split;
    }

    public SplitCounters? FindSplitBySlot(int slot) => _splits.Values.FirstOrDefault(s => s.Slot == slot);
}
