namespace Trellis.Measurement.Reports;

/// <summary>Counts by name (skip reasons, exit reasons, events); reported sorted by name so output is stable.</summary>
public sealed class NameCounts
{
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    public void Add(string? name, long count = 1)
    {
        name ??= "";
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, name, out _) += count;
        Total += count;
    }

    public long this[string name] => _counts.GetValueOrDefault(name);

    public void Merge(NameCounts other)
    {
        foreach (var (name, count) in other._counts)
        {
            Add(name, count);
        }
    }

    public SortedDictionary<string, long> ToSorted() => new(_counts, StringComparer.Ordinal);
}
