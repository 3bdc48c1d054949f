using Microsoft.Data.Sqlite;
using NodaTime;

namespace Trellis.Storage.Sqlite;

/// <summary>Typed column reads for the storage's column conventions (instants as microseconds, booleans as 0/1).</summary>
internal static class SqliteReaderExtensions
{
    public static Instant GetInstant(this SqliteDataReader reader, int ordinal) =>
        SqliteTime.FromStored(reader.GetInt64(ordinal));

    public static Instant? GetNullableInstant(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteTime.FromStored(reader.GetInt64(ordinal));

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[]? GetNullableBytes(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : (byte[])reader.GetValue(ordinal);

    public static bool GetFlag(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;
}
