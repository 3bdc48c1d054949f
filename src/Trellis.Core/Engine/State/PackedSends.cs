using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.State;

/// <summary>
/// A person's recent sends as one <c>ulong</c> each, oldest first, in an exact-size array: millisecond time
/// (42 bits, until 2109), journey index (11 bits), priority (7 bits), channel (3 bits), marketing (1 bit).
/// Eight bytes a send instead of an object: millions of people carry this for their cap windows.
/// Times lose sub-millisecond precision; caps and arbitration compare the stored times consistently.
/// </summary>
public static class PackedSends
{
    private const int JourneyShift = 42;
    private const int PriorityShift = 53;
    private const int ChannelShift = 60;
    private const ulong MsMask = (1UL << 42) - 1;

    public static ulong Pack(SendRecord r) =>
        ((ulong)Math.Max(0, r.At.ToUnixTimeMilliseconds()) & MsMask) |
        ((ulong)(r.Journey & 0x7FF) << JourneyShift) |
        ((ulong)(Math.Clamp(r.Priority, 0, 127) & 0x7F) << PriorityShift) |
        ((ulong)r.Channel & 0x7) << ChannelShift |
        (r.Marketing ? 1UL << 63 : 0);

    public static SendRecord Unpack(ulong v) => new(
        Instant.FromUnixTimeMilliseconds((long)(v & MsMask)),
        (int)((v >> PriorityShift) & 0x7F),
        (short)((v >> JourneyShift) & 0x7FF),
        (Channel)((v >> ChannelShift) & 0x7),
        (v >> 63) != 0);

    /// <summary>The send's time in Unix milliseconds, read without unpacking the rest.</summary>
    public static long Millis(ulong v) => (long)(v & MsMask);

    public static int Priority(ulong v) => (int)((v >> PriorityShift) & 0x7F);

    public static Channel ChannelOf(ulong v) => (Channel)((v >> ChannelShift) & 0x7);

    public static bool IsMarketing(ulong v) => (v >> 63) != 0;

    public static ulong[] Add(ulong[]? log, SendRecord record)
    {
        var n = log?.Length ?? 0;
        var grown = new ulong[n + 1];
        log?.CopyTo(grown, 0);
        grown[n] = Pack(record);
        return grown;
    }

    /// <summary>
    /// Appends a send and drops, in the same new array, the sends at or before <paramref name="cutoff"/>: one
    /// allocation per send instead of one to grow and another to prune.
    /// </summary>
    public static ulong[] AddPruned(ulong[]? log, SendRecord record, Instant cutoff)
    {
        var drop = CountAtOrBefore(log, cutoff);
        var n = log?.Length ?? 0;
        var grown = new ulong[n - drop + 1];
        if (n > drop)
        {
            Array.Copy(log!, drop, grown, 0, n - drop);
        }

        grown[^1] = Pack(record);
        return grown;
    }

    /// <summary>Drops sends at or before <paramref name="cutoff"/>; null when none are left.</summary>
    public static ulong[]? Prune(ulong[]? log, Instant cutoff)
    {
        if (log is null)
        {
            return null;
        }

        var drop = CountAtOrBefore(log, cutoff);
        return drop == 0 ? log : drop == log.Length ? null : log[drop..];
    }

    /// <summary>How many of the oldest sends are at or before <paramref name="cutoff"/> (the log is oldest first).</summary>
    private static int CountAtOrBefore(ulong[]? log, Instant cutoff)
    {
        var cut = cutoff.ToUnixTimeMilliseconds();
        var n = 0;
        while (log is not null && n < log.Length && (long)(log[n] & MsMask) <= cut)
        {
            n++;
        }

        return n;
    }
}
