using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Instants as timestamptz. PostgreSQL keeps microseconds and would round the rest; we truncate first
/// (<see cref="StoredMicroseconds"/>), like the SQLite backend, so both return exactly the same instants.
/// </summary>
internal static class PostgresTime
{
    public static DateTime ToStored(Instant instant) =>
        StoredMicroseconds.ToInstant(StoredMicroseconds.Of(instant)).ToDateTimeUtc();

    public static DateTime? ToStored(Instant? instant) => instant is { } value ? ToStored(value) : null;

    public static Instant FromStored(DateTime stored) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
