namespace Trellis.Measurement.Reports;

/// <summary>
/// Who has entered which journey before, to tell first entries from re-entries. The one per-person cost of the
/// report: one dictionary entry (a 64-bit journey mask) per person who entered anything; journeys past the 64th
/// fall back to a set of (person, journey) pairs.
/// </summary>
public sealed class EntrantMemory
{
    private readonly Dictionary<string, ulong> _masks;
    private readonly HashSet<(string User, int Journey)> _overflow = [];

    /// <param name="expectedPeople">How many people may enter (sizes the table once instead of regrowing it).</param>
    public EntrantMemory(int expectedPeople = 0) => _masks = new Dictionary<string, ulong>(expectedPeople, StringComparer.Ordinal);

    /// <summary>Records an entry; true when it is the person's first entry into the journey.</summary>
    public bool First(string user, int journey)
    {
        if (journey >= 64)
        {
            return _overflow.Add((user, journey));
        }

        ref var mask = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_masks, user, out _);
        var bit = 1UL << journey;
        var first = (mask & bit) == 0;
        mask |= bit;
        return first;
    }

    /// <summary>Distinct people per journey (index), over the journeys given.</summary>
    public long[] DistinctPeople(int journeys)
    {
        var counts = new long[journeys];
        foreach (var mask in _masks.Values)
        {
            for (var j = 0; j < Math.Min(64, journeys); j++)
            {
                counts[j] += (long)((mask >> j) & 1);
            }
        }

        foreach (var (_, journey) in _overflow)
        {
            counts[journey]++;
        }

        return counts;
    }

    /// <summary>Adds another memory of different people (simulation partitions are disjoint by person).</summary>
    public void Merge(EntrantMemory other)
    {
        foreach (var (user, mask) in other._masks)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_masks, user, out _) |= mask;
        }

        _overflow.UnionWith(other._overflow);
    }
}
