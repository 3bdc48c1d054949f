using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>
/// The times one person performed one event (ascending, as ticks) and the properties of the latest one:
/// what <c>count</c>, <c>performed</c> and <c>last</c> need, without keeping every payload.
/// </summary>
public sealed class EventSeries(string name)
{
    private long[] _times = new long[2];
    private int _start;
    private int _end;

    public string Name { get; } = name;

    public Value LastProperties { get; private set; } = Value.Null;

    public int Count => _end - _start;

    public Instant? Last => _end > _start ? Instant.FromUnixTimeTicks(_times[_end - 1]) : null;

    public void Add(Instant at, Value properties)
    {
        var t = at.ToUnixTimeTicks();
        if (_end == _times.Length)
        {
            Compact();
        }

        // Events normally arrive in order; a late one is inserted at its place.
        var i = _end;
        while (i > _start && _times[i - 1] > t)
        {
            i--;
        }

        Array.Copy(_times, i, _times, i + 1, _end - i);
        _times[i] = t;
        _end++;
        if (i == _end - 1)
        {
            LastProperties = properties;
        }
    }

    /// <summary>The kept occurrences, oldest first, as ticks (for persistence).</summary>
    public ReadOnlySpan<long> Ticks => _times.AsSpan(_start, _end - _start);

    /// <summary>Occurrences in the half-open window (from, to].</summary>
    public int CountIn(Instant fromExclusive, Instant toInclusive)
    {
        var lo = UpperBound(fromExclusive.ToUnixTimeTicks());
        var hi = UpperBound(toInclusive.ToUnixTimeTicks());
        return hi - lo;
    }

    /// <summary>The earliest occurrence in (from, to], or null.</summary>
    public Instant? OldestIn(Instant fromExclusive, Instant toInclusive)
    {
        var lo = UpperBound(fromExclusive.ToUnixTimeTicks());
        return lo < _end && _times[lo] <= toInclusive.ToUnixTimeTicks() ? Instant.FromUnixTimeTicks(_times[lo]) : null;
    }

    /// <summary>The latest occurrence at or before <paramref name="at"/>, or null.</summary>
    public Instant? LastAtOrBefore(Instant at)
    {
        var i = UpperBound(at.ToUnixTimeTicks());
        return i > _start ? Instant.FromUnixTimeTicks(_times[i - 1]) : null;
    }

    /// <summary>Forgets occurrences at or before <paramref name="cutoff"/> (older than every window in use).</summary>
    public void Prune(Instant cutoff)
    {
        var keepFrom = UpperBound(cutoff.ToUnixTimeTicks());
        // Keep the latest one: `last()` has no window.
        _start = Math.Min(keepFrom, Math.Max(_start, _end - 1));
    }

    private int UpperBound(long t)
    {
        int lo = _start, hi = _end;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] <= t)
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

    private void Compact()
    {
        var n = _end - _start;
        var target = n * 2 + 2 <= _times.Length && _start > 0 ? _times : new long[Math.Max(4, n * 2)];
        Array.Copy(_times, _start, target, 0, n);
        _times = target;
        _start = 0;
        _end = n;
    }
}
