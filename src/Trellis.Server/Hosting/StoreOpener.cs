using System.Data.Common;
using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Server.Hosting;

/// <summary>Opens the configured storage backend (creating or upgrading its schema).</summary>
internal static class StoreOpener
{
    public static async Task<ITrellisStore> OpenAsync(StorageSettings settings, string contentRoot, CancellationToken cancellationToken)
    {
        switch (settings.Provider.Trim().ToLowerInvariant())
        {
            case "" or "sqlite":
                var path = SqlitePath(settings.ConnectionString, contentRoot);
                return await SqliteTrellisStore.OpenAsync(
                    new SqliteStoreOptions { FilePath = path, SyncEveryCommit = settings.SyncEveryCommit }, cancellationToken);
            case "postgres" or "postgresql":
                if (string.IsNullOrWhiteSpace(settings.ConnectionString))
                {
                    throw new InvalidOperationException("Trellis:Storage:Provider is postgres but Trellis:Storage:ConnectionString is not set.");
                }

                return await PostgresStoreOpener.OpenAsync(settings.ConnectionString, settings.Schema, cancellationToken);
            default:
                throw new InvalidOperationException($"Trellis:Storage:Provider '{settings.Provider}' is not known (use sqlite or postgres).");
        }
    }

    /// <summary>A plain path or a connection string with Data Source; relative paths are under the content root.</summary>
    internal static string SqlitePath(string? connectionString, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return Path.Combine(contentRoot, "data", "trellis.db");
        }

        var path = connectionString.Trim();
        if (path.Contains('='))
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = path };
            path = new[] { "Data Source", "DataSource", "Filename" }
                .Select(k => builder.TryGetValue(k, out var v) ? v as string : null)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? throw new InvalidOperationException("Trellis:Storage:ConnectionString for sqlite needs a Data Source (a file path).");
        }

        return Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
    }
}
