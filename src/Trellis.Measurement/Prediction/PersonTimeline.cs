using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Measurement.Prediction;

/// <summary>
/// One person's history indexed for training: the times of each event (sorted) and the trait changes, so that
/// features "as of a cutoff" read only what had happened by then — the same windows the engine counts in
/// (<c>(now - window, now]</c>).
/// </summary>
internal sealed class PersonTimeline
{
    private readonly Dictionary<string, Instant[]> _events;
    private readonly HistoryEntry[] _identifies;

    public PersonTimeline(PersonHistory history)
    {
        PersonId = history.PersonId;
        _events = history.Entries.Where(e => e.Event is not null)
            .GroupBy(e => e.Event!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.At).Order().ToArray(), StringComparer.Ordinal);
        _identifies = history.Entries.Where(e => e.Traits is not null).OrderBy(e => e.At).ToArray();
        First = history.Entries.Count == 0 ? null : history.Entries.Min(e => e.At);
    }

    public string PersonId { get; }

    /// <summary>The person's first recorded call, or null.</summary>
    public Instant? First { get; }

    public IEnumerable<string> EventNames => _events.Keys;

    /// <summary>Occurrences in (from, to].</summary>
    public int Count(string eventName, Instant fromExclusive, Instant toInclusive)
    {
        if (!_events.TryGetValue(eventName, out var times))
        {
            return 0;
        }

        return UpperBound(times, toInclusive) - UpperBound(times, fromExclusive);
    }

    public Instant? LastAtOrBefore(string eventName, Instant at)
    {
        if (!_events.TryGetValue(eventName, out var times))
        {
            return null;
        }

        var i = UpperBound(times, at);
        return i > 0 ? times[i - 1] : null;
    }

    /// <summary>The profile at a moment: every identify up to it merged in order (null removes a trait).</summary>
    public Dictionary<string, Value> TraitsAt(Instant at)
    {
        var traits = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var entry in _identifies)
        {
            if (entry.At > at)
            {
                break;
            }

            foreach (var (name, value) in entry.Traits!)
            {
                if (value.IsNull)
                {
                    traits.Remove(name);
                }
                else
                {
                    traits[name] = value;
                }
            }
        }

        return traits;
    }

    private static int UpperBound(Instant[] times, Instant t)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
