using Trellis.Storage;
using Trellis.Storage.Postgres;

namespace Trellis.Server.Hosting;

/// <summary>Opens the PostgreSQL backend (several `trellis serve` processes may share it).</summary>
internal static class PostgresStoreOpener
{
    public static async Task<ITrellisStore> OpenAsync(string connectionString, string? schema, CancellationToken cancellationToken) =>
        await PostgresTrellisStore.OpenAsync(
            new PostgresStoreOptions { ConnectionString = connectionString, Schema = string.IsNullOrWhiteSpace(schema) ? null : schema },
            cancellationToken);
}
