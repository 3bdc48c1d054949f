namespace Trellis.Bench.Server;

/// <summary>Opens the outbox reader that matches a <see cref="BenchServer"/>'s backend.</summary>
internal static class OutboxReaders
{
    public static async Task<IOutboxReader> OpenAsync(BenchServer server) =>
        server.Postgres is { } pg
            ? await PostgresOutboxReader.OpenAsync(pg.ConnectionString, pg.Schema)
            : new SqliteOutboxReader(server.SqlitePath);
}
