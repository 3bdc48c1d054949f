using NodaTime;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Instants are stored as INTEGER microseconds since the Unix epoch: sortable, compact, and the same
/// precision PostgreSQL's timestamptz keeps, so both backends return the same instants.
/// </summary>
internal static class SqliteTime
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Truncates to the microsecond (rounding down, also before 1970).</summary>
    public static long ToStored(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var microseconds = ticks / TicksPerMicrosecond;
        return ticks % TicksPerMicrosecond < 0 ? microseconds - 1 : microseconds;
    }

    public static Instant FromStored(long microseconds) => Instant.FromUnixTimeTicks(microseconds * TicksPerMicrosecond);
}
