using NodaTime;

namespace Trellis.Storage.Internal;

/// <summary>
/// The one precision both backends store instants at: whole microseconds since the Unix epoch, truncated (rounding
/// down, also before 1970). PostgreSQL's timestamptz keeps microseconds, so truncating before every write makes both
/// backends return exactly the same instants.
/// </summary>
internal static class StoredMicroseconds
{
    private const long TicksPerMicrosecond = 10;

    public static long Of(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var microseconds = ticks / TicksPerMicrosecond;
        return ticks % TicksPerMicrosecond < 0 ? microseconds - 1 : microseconds;
    }

    public static Instant ToInstant(long microseconds) => Instant.FromUnixTimeTicks(microseconds * TicksPerMicrosecond);
}
