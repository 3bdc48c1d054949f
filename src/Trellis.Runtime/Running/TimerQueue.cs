namespace Trellis.Runtime.Running;

/// <summary>
/// The people waiting for a wake, in due order: (due ticks, then scheduling order). Far-off wakes sit in per-minute
/// buckets as slot numbers (4 bytes a person, appended in scheduling order; numbers rather than references, so the
/// GC neither scans these arrays nor tracks writes into them). When the clock reaches a bucket, its live entries are
/// sorted once into a run that is then read in order; wakes scheduled into a minute already reached go to a small
/// heap, merged with the run on every pop. A single heap of millions of entries cost 24 bytes a person and a cache
/// miss per level on every push and pop. The order of pops is exactly that of one heap keyed by (ticks, seq): every
/// live schedule is in the run or the heap, with its own key, before anything later than its bucket is popped.
/// </summary>
internal sealed class TimerQueue
{
    private const long BucketTicks = TimeSpan.TicksPerMinute;
    private const int MaxSpareLists = 1 << 16;

    private readonly IReadOnlyList<PersonSlot> _slots;
    private readonly PriorityQueue<int, DueKey> _near = new(DueKey.Comparer);
    private readonly Dictionary<long, List<int>> _buckets = new();
    private readonly PriorityQueue<long, long> _bucketOrder = new();

    // Drained bucket lists, cleared and reused: a list lives from its first wake until its minute comes (often
    // days), so fresh ones would be promoted through every GC generation before they die.
    private readonly Stack<List<int>> _spare = new();
    private DueEntry[] _run = new DueEntry[64]; // the drained bucket's live entries, sorted; read from _runPos
    private int _runCount;
    private int _runPos;
    private long _drained = long.MinValue; // buckets at or before this one have been moved into the run or _near
    private long _seq;

    /// <param name="slots">Every slot by its <see cref="PersonSlot.Index"/>: queue entries hold the number only.</param>
    public TimerQueue(IReadOnlyList<PersonSlot> slots) => _slots = slots;

    /// <summary>Entries held, stale ones included.</summary>
    public int Count { get; private set; }

    /// <summary>Schedules the slot's wake at <paramref name="ticks"/>; any earlier schedule of the slot becomes stale.</summary>
    public void Schedule(PersonSlot slot, long ticks)
    {
        slot.HasWake = true;
        slot.WakeTicks = ticks;
        slot.WakeSeq = _seq++;
        slot.InHeap = false;
        var bucket = BucketOf(ticks);
        Count++;
        if (bucket <= _drained)
        {
            PushNear(slot);
            return;
        }

        if (!_buckets.TryGetValue(bucket, out var list))
        {
            list = _spare.TryPop(out var reused) ? reused : [];
            _buckets[bucket] = list;
            _bucketOrder.Enqueue(bucket, bucket);
        }

        list.Add(slot.Index);
    }

    /// <summary>The slot no longer waits (its queue entries become stale).</summary>
    public static void Cancel(PersonSlot slot)
    {
        slot.HasWake = false;
        slot.InHeap = false;
    }

    /// <summary>
    /// The earliest due time held, possibly of a stale entry; null when empty. Moves buckets into the near heap as
    /// needed to know it (invisible to the order of pops).
    /// </summary>
    public long? PeekTicks()
    {
        while (true)
        {
            long? first = null;
            if (_runPos < _runCount)
            {
                first = _run[_runPos].Key.Ticks;
            }

            if (_near.TryPeek(out _, out var key) && (first is null || key.Ticks < first))
            {
                first = key.Ticks;
            }

            if (!_bucketOrder.TryPeek(out var bucket, out _) || (first is { } t && t < bucket * BucketTicks))
            {
                return first;
            }

            Drain();
        }
    }

    /// <summary>Takes the earliest live entry due at or before <paramref name="limit"/>; false when there is none.</summary>
    public bool TryTakeDue(long limit, out PersonSlot slot, out long ticks)
    {
        while (PeekTicks() is { } next && next <= limit)
        {
            DueKey key;
            int index;
            if (_runPos < _runCount &&
                (!_near.TryPeek(out _, out var nearKey) || _run[_runPos].Key.CompareTo(nearKey) < 0))
            {
                var entry = _run[_runPos++];
                (key, index) = (entry.Key, entry.Index);
            }
            else if (!_near.TryDequeue(out index, out key))
            {
                break; // PeekTicks saw an entry, so this does not happen
            }

            var candidate = _slots[index];
            Count--;
            if (candidate.HasWake && candidate.InHeap && candidate.WakeTicks == key.Ticks && candidate.WakeSeq == key.Seq)
            {
                candidate.HasWake = false;
                candidate.InHeap = false;
                slot = candidate;
                ticks = key.Ticks;
                return true;
            }
        }

        slot = null!;
        ticks = 0;
        return false;
    }

    private void PushNear(PersonSlot slot)
    {
        slot.InHeap = true;
        _near.Enqueue(slot.Index, new DueKey(slot.WakeTicks, slot.WakeSeq));
    }

    /// <summary>
    /// Moves the earliest bucket into the run, sorted: each person whose live wake is in it, once, with its own key.
    /// Called only when everything before the bucket has been taken, so the previous run is used up.
    /// </summary>
    private void Drain()
    {
        var bucket = _bucketOrder.Dequeue();
        _drained = bucket;
        var list = _buckets[bucket];
        _buckets.Remove(bucket);
        Count -= list.Count;
        if (_run.Length < list.Count)
        {
            _run = new DueEntry[Math.Max(list.Count, _run.Length * 2)];
        }

        _runCount = 0;
        _runPos = 0;
        foreach (var index in list)
        {
            var slot = _slots[index];
            if (slot.HasWake && !slot.InHeap && BucketOf(slot.WakeTicks) == bucket)
            {
                slot.InHeap = true;
                _run[_runCount++] = new DueEntry(new DueKey(slot.WakeTicks, slot.WakeSeq), index);
                Count++;
            }
        }

        Array.Sort(_run, 0, _runCount);

        list.Clear();
        if (_spare.Count < MaxSpareLists)
        {
            _spare.Push(list);
        }
    }

    private static long BucketOf(long ticks) => ticks >= 0 ? ticks / BucketTicks : ((ticks + 1) / BucketTicks) - 1;

    /// <summary>A drained wake: its key and slot number. Sorted by the key (a struct comparison, no comparer object).</summary>
    private readonly record struct DueEntry(DueKey Key, int Index) : IComparable<DueEntry>
    {
        public int CompareTo(DueEntry other) => Key.CompareTo(other.Key);
    }
}
