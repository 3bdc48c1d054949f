using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Instants as timestamptz. PostgreSQL keeps microseconds and would round the rest; we truncate first, like
/// the SQLite backend, so both return exactly the same instants.
/// </summary>
internal static class PostgresTime
{
    private const long TicksPerMicrosecond = 10;

    public static DateTime ToStored(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % TicksPerMicrosecond;
        var truncated = ticks - (remainder < 0 ? remainder + TicksPerMicrosecond : remainder);
        return DateTime.UnixEpoch.AddTicks(truncated);
    }

    public static DateTime? ToStored(Instant? instant) => instant is { } value ? ToStored(value) : null;

    public static Instant FromStored(DateTime stored) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
