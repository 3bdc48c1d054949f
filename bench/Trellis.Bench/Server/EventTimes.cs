namespace Trellis.Bench.Server;

/// <summary>
/// Per event (= per person: every event has its own user "u{n}"), when it was accepted (HTTP 200 seen by the
/// client), when its outbox row was first seen by the watcher, and the row's CreatedAt. Arrays indexed by n
/// rather than dictionaries: a million entries must not cost the measured process much memory or GC.
/// </summary>
internal sealed class EventTimes(int capacity)
{
    public long[] Accepted { get; } = new long[capacity];

    public long[] Seen { get; } = new long[capacity];

    public long[] Created { get; } = new long[capacity];

    public int Capacity => Accepted.Length;

    public static bool TryParseUser(string personId, out int n)
    {
        n = -1;
        return personId.StartsWith('u') && int.TryParse(personId.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out n);
    }
}
