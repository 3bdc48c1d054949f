using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>A person's event history by event name (for count, performed and last).</summary>
public sealed class EventHistory
{
    private readonly Dictionary<string, EventSeries> _series = new(StringComparer.Ordinal);

    public EventSeries? Find(string name) => _series.GetValueOrDefault(name);

    public IEnumerable<KeyValuePair<string, EventSeries>> All => _series;

    public void Add(EventRecord e)
    {
        if (!_series.TryGetValue(e.Name, out var s))
        {
            s = new EventSeries();
            _series[e.Name] = s;
        }

        s.Add(e.At, e.Properties);
    }

    public void Prune(Instant cutoff)
    {
        foreach (var s in _series.Values)
        {
            s.Prune(cutoff);
        }
    }
}
