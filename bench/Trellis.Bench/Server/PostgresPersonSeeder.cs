using Npgsql;
using NpgsqlTypes;

namespace Trellis.Bench.Server;

/// <summary>Binary COPY into the bench schema's persons table, then ANALYZE so the claim query plans as it would in production.</summary>
internal sealed class PostgresPersonSeeder(string connectionString, string schema) : IPersonSeeder
{
    public async Task SeedAsync(int people, Func<int, byte[]> state, Func<int, long> wake, long nowMicros)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema, Pooling = false, CommandTimeout = 600 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var now = ToDateTime(nowMicros);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY persons (workspace_id, person_id, state, version, next_wake_at, has_unprocessed, processed_seq, traits, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < people; n++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync("default", NpgsqlDbType.Text);
                await copy.WriteAsync("u" + n.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await copy.WriteAsync(state(n), NpgsqlDbType.Bytea);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(ToDateTime(wake(n)), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE persons", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static DateTime ToDateTime(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Utc);
}
