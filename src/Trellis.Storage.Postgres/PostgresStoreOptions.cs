namespace Trellis.Storage.Postgres;

/// <summary>Where the PostgreSQL store lives.</summary>
public sealed record PostgresStoreOptions
{
    /// <summary>An Npgsql connection string (Host=…;Database=…;Username=…;Password=…).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The schema that holds the tables (created when missing), e.g. to keep several Trellis installations,
    /// or test runs, in one database. Null: the connection's default search path (normally <c>public</c>).
    /// Lower-case letters, digits and underscores only.
    /// </summary>
    public string? Schema { get; init; }
}
