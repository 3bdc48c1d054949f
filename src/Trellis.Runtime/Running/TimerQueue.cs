namespace Trellis.Runtime.Running;

/// <summary>
/// The people waiting for a wake, in due order: (due ticks, then scheduling order). Far-off wakes sit in per-minute
/// buckets as slot numbers (4 bytes a person, appended in scheduling order; numbers rather than references, so the
/// GC neither scans these arrays nor tracks writes into them); a bucket moves into a small binary heap only when
/// the clock reaches it. A single heap of millions of entries cost 24 bytes a person and a cache miss
/// per level on every push and pop; the near heap stays as small as one minute's wakes. The order of pops is exactly
/// that of one heap keyed by (ticks, seq): every live schedule enters the heap with its own key before anything later
/// than its bucket is popped.
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
    private long _drained = long.MinValue; // buckets at or before this one have been moved into _near
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
            var hasNear = _near.TryPeek(out _, out var key);
            if (!_bucketOrder.TryPeek(out var bucket, out _))
            {
                return hasNear ? key.Ticks : null;
            }

            if (hasNear && key.Ticks < bucket * BucketTicks)
            {
                return key.Ticks;
            }

            Drain();
        }
    }

    /// <summary>Takes the earliest live entry due at or before <paramref name="limit"/>; false when there is none.</summary>
    public bool TryTakeDue(long limit, out PersonSlot slot, out long ticks)
    {
        while (PeekTicks() is { } next && next <= limit)
        {
            if (!_near.TryDequeue(out var index, out var key))
            {
                break; // PeekTicks returned a near entry, so this does not happen
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

    /// <summary>Moves the earliest bucket into the near heap: each person whose live wake is in it, once, with its own key.</summary>
    private void Drain()
    {
        var bucket = _bucketOrder.Dequeue();
        _drained = bucket;
        var list = _buckets[bucket];
        _buckets.Remove(bucket);
        Count -= list.Count;
        foreach (var index in list)
        {
            var slot = _slots[index];
            if (slot.HasWake && !slot.InHeap && BucketOf(slot.WakeTicks) == bucket)
            {
                PushNear(slot);
                Count++;
            }
        }

        list.Clear();
        if (_spare.Count < MaxSpareLists)
        {
            _spare.Push(list);
        }
    }

    private static long BucketOf(long ticks) => ticks >= 0 ? ticks / BucketTicks : ((ticks + 1) / BucketTicks) - 1;
}
