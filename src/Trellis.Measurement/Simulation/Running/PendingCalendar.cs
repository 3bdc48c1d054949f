namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// The partition's time-ordered queue of pending items: a calendar of 64-second buckets in front of a small binary
/// heap. Items land unsorted in their bucket; when the heap runs dry, the next non-empty bucket is poured into it.
/// It hands out items in exactly the order of their keys, as one big heap would, but each insertion and removal
/// works on a heap of a few hundred items (in cache) instead of one with millions (a cache miss per level).
/// </summary>
internal sealed class PendingCalendar
{
    private const int BucketShift = 6; // 64 seconds a bucket
    private const int MinBucketSize = 8;

    private readonly int _secondShift;
    private readonly Bucket[] _buckets;
    private readonly PriorityQueue<PendingItem, long> _current = new();
    private readonly Stack<Entry[]>[] _free = new Stack<Entry[]>[32];

    /// <summary>Index of the bucket poured into the heap last; every bucket before it is empty.</summary>
    private int _currentBucket = -1;

    /// <param name="lastSecond">The latest second an item is expected at (later items share the last bucket).</param>
    /// <param name="secondShift">Where the second sits in a key (the bits below it order items within a second).</param>
    public PendingCalendar(long lastSecond, int secondShift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastSecond);
        _secondShift = secondShift;
        _buckets = new Bucket[(lastSecond >> BucketShift) + 2];
    }

    public int Count { get; private set; }

    public void Enqueue(in PendingItem item, long key)
    {
        Count++;
        var b = BucketOf(key);
        if (b <= _currentBucket)
        {
            _current.Enqueue(item, key);
            return;
        }

        ref var bucket = ref _buckets[b];
        if (bucket.Items is null || bucket.Count == bucket.Items.Length)
        {
            Grow(ref bucket);
        }

        bucket.Items![bucket.Count++] = new Entry(item, key);
    }

    public bool TryPeek(out PendingItem item, out long key)
    {
        while (_current.Count == 0)
        {
            if (!PourNextBucket())
            {
                item = default;
                key = 0;
                return false;
            }
        }

        return _current.TryPeek(out item, out key);
    }

    /// <summary>Removes the item <see cref="TryPeek"/> returned.</summary>
    public void Dequeue()
    {
        _current.Dequeue();
        Count--;
    }

    private int BucketOf(long key) => (int)Math.Clamp(key >> _secondShift >> BucketShift, 0, _buckets.Length - 1);

    private bool PourNextBucket()
    {
        for (var b = _currentBucket + 1; b < _buckets.Length; b++)
        {
            ref var bucket = ref _buckets[b];
            if (bucket.Count == 0)
            {
                continue;
            }

            _currentBucket = b;
            var items = bucket.Items!;
            for (var i = 0; i < bucket.Count; i++)
            {
                _current.Enqueue(items[i].Item, items[i].Key);
            }

            Release(items, bucket.Count);
            bucket = default;
            return true;
        }

        _currentBucket = _buckets.Length;
        return false;
    }

    private void Grow(ref Bucket bucket)
    {
        var size = bucket.Items is null ? MinBucketSize : bucket.Items.Length * 2;
        var grown = Rent(size);
        if (bucket.Items is { } old)
        {
            Array.Copy(old, grown, bucket.Count);
            Release(old, bucket.Count);
        }

        bucket.Items = grown;
    }

    /// <summary>Bucket arrays are reused: the calendar holds about the same number of items all run long.</summary>
    private Entry[] Rent(int size)
    {
        var free = _free[System.Numerics.BitOperations.Log2((uint)size)];
        return free is { Count: > 0 } ? free.Pop() : new Entry[size];
    }

    private void Release(Entry[] items, int used)
    {
        Array.Clear(items, 0, used); // drop the payloads' references
        ref var free = ref _free[System.Numerics.BitOperations.Log2((uint)items.Length)];
        (free ??= new Stack<Entry[]>()).Push(items);
    }

    private readonly record struct Entry(PendingItem Item, long Key);

    private struct Bucket
    {
        public Entry[]? Items;
        public int Count;
    }
}
