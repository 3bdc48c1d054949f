using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>A person's event history by event name (for count, performed and last); a short array, scanned.</summary>
public sealed class EventHistory
{
    private EventSeries[] _series = [];

    public EventSeries? Find(string name)
    {
        foreach (var s in _series)
        {
            if (s.Name == name)
            {
                return s;
            }
        }

        return null;
    }

    public IReadOnlyList<EventSeries> All => _series;

    public EventSeries Add(string name, Instant at, Value properties)
    {
        var s = Find(name);
        if (s is null)
        {
            s = new EventSeries(name);
            var grown = new EventSeries[_series.Length + 1];
            _series.CopyTo(grown, 0);
            grown[^1] = s;
            _series = grown;
        }

        s.Add(at, properties);
        return s;
    }
}
