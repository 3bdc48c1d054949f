using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Instants are stored as INTEGER microseconds since the Unix epoch (<see cref="StoredMicroseconds"/>): sortable,
/// compact, and the same precision PostgreSQL's timestamptz keeps, so both backends return the same instants.
/// </summary>
internal static class SqliteTime
{
    /// <summary>Truncates to the microsecond (rounding down, also before 1970).</summary>
    public static long ToStored(Instant instant) => StoredMicroseconds.Of(instant);

    public static Instant FromStored(long microseconds) => StoredMicroseconds.ToInstant(microseconds);
}
