using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// When a person last entered each (unkeyed) journey, one <c>ulong</c> per journey: millisecond time (42 bits)
/// and journey index (11 bits). Keyed journeys remember per key in <see cref="PersonExtras.KeyedEntries"/>.
/// </summary>
public static class PackedEntries
{
    private const ulong MsMask = (1UL << 42) - 1;

    public static Instant? Find(ulong[]? entries, int journey)
    {
        foreach (var e in entries ?? [])
        {
            if ((int)(e >> 42) == journey)
            {
                return Instant.FromUnixTimeMilliseconds((long)(e & MsMask));
            }
        }

        return null;
    }

    public static ulong[] Set(ulong[]? entries, int journey, Instant at)
    {
        var packed = ((ulong)Math.Max(0, at.ToUnixTimeMilliseconds()) & MsMask) | ((ulong)journey << 42);
        if (entries is not null)
        {
            for (var i = 0; i < entries.Length; i++)
            {
                if ((int)(entries[i] >> 42) == journey)
                {
                    entries[i] = packed;
                    return entries;
                }
            }
        }

        var grown = new ulong[(entries?.Length ?? 0) + 1];
        entries?.CopyTo(grown, 0);
        grown[^1] = packed;
        return grown;
    }
}
