using Npgsql;
using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>Typed column reads for the storage's column conventions.</summary>
internal static class PostgresReaderExtensions
{
    public static Instant GetInstant(this NpgsqlDataReader reader, int ordinal) =>
        PostgresTime.FromStored(reader.GetFieldValue<DateTime>(ordinal));

    public static Instant? GetNullableInstant(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInstant(ordinal);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static byte[]? GetNullableBytes(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);
}
