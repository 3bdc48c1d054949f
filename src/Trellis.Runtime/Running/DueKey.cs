namespace Trellis.Runtime.Running;

/// <summary>
/// A timer's place in the queue: due time in ticks, then the order it was scheduled in (deterministic ties).
/// Two longs with a dedicated comparer: the queue compares these millions of times per simulated day.
/// </summary>
internal readonly record struct DueKey(long Ticks, long Seq) : IComparable<DueKey>
{
    public static readonly IComparer<DueKey> Comparer = new KeyComparer();

    public int CompareTo(DueKey other) =>
        Ticks != other.Ticks ? (Ticks < other.Ticks ? -1 : 1) : Seq.CompareTo(other.Seq);

    private sealed class KeyComparer : IComparer<DueKey>
    {
        public int Compare(DueKey x, DueKey y) => x.CompareTo(y);
    }
}
