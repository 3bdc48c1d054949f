namespace Trellis.Server.Dashboard.Activity;

/// <summary>The arms of one split step, in the order their variants were first seen.</summary>
internal sealed class SplitCounters(string stepId, int slot)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public string StepId { get; } = stepId;

    /// <summary>Which 8 bits of <see cref="OpenInstance.Arms"/> hold this split's choice.</summary>
    public int Slot { get; } = slot;

    public List<ArmCounters> Arms { get; } = [];

    public int ArmIndex(string variant)
    {
        if (!_index.TryGetValue(variant, out var i))
        {
            i = Arms.Count;
            _index[variant] = i;
            Arms.Add(new ArmCounters(variant));
        }

        return i;
    }
}
