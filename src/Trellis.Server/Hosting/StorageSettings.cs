namespace Trellis.Server.Hosting;

/// <summary>Configuration section <c>Trellis:Storage</c> (environment: <c>Trellis__Storage__Provider</c>, …).</summary>
public sealed class StorageSettings
{
    /// <summary><c>sqlite</c> (default: one file under <c>./data</c>, WAL) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// SQLite: a file path or <c>Data Source=path</c> (default <c>./data/trellis.db</c>).
    /// PostgreSQL: an Npgsql connection string (required).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>PostgreSQL only: the schema for Trellis's tables (created when missing); default: the search path.</summary>
    public string? Schema { get; set; }

    /// <summary>SQLite only: fsync every commit (power-loss safe, slower). Off by default: WAL with synchronous=NORMAL.</summary>
    public bool SyncEveryCommit { get; set; }
}
