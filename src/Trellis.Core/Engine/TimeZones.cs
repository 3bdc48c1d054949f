using System.Collections.Concurrent;
using NodaTime;

namespace Trellis.Core.Engine;

/// <summary>Resolves a person's <c>timezone</c> trait (an IANA id) with the bundled tz database; unknown ids fall back.</summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, DateTimeZone?> Cache = new(StringComparer.Ordinal);

    public static DateTimeZone? Find(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        return Cache.GetOrAdd(id, static k => DateTimeZoneProviders.Tzdb.GetZoneOrNull(k));
    }

    public static DateTimeZone Resolve(string? id, DateTimeZone fallback) => Find(id) ?? fallback;
}
