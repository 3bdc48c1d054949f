using System.Text.RegularExpressions;
using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Creates or upgrades the schema at open, in one transaction under an advisory lock, so several processes
/// starting together migrate once. Idempotent: applied versions are recorded in schema_version.
/// </summary>
internal static partial class PostgresMigrator
{
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schemaName, bool createSchema, CancellationToken cancellationToken)
    {
        var migrations = MigrationScripts.Load(typeof(PostgresMigrator).Assembly);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext(@name))", connection, transaction))
        {
            lockCommand.Parameters.Text("name", "trellis-migrations:" + schemaName);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (createSchema)
        {
            // The name was checked against SchemaName(): safe to splice into DDL, which takes no parameters.
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {schemaName}", cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)",
            cancellationToken).ConfigureAwait(false);
        int current;
        await using (var version = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection, transaction))
        {
            current = Convert.ToInt32(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (current > migrations.Count)
        {
            throw new SchemaVersionException(current, migrations.Count);
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)", connection, transaction);
            record.Parameters.Integer("version", migration.Version).Text("name", migration.Name).Time("at", SystemClock.Instance.GetCurrentInstant());
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a schema name: lower-case letters, digits and underscores, starting with a letter or underscore.</summary>
    public static string CheckedSchemaName(string schema) =>
        SchemaName().IsMatch(schema)
            ? schema
            : throw new ArgumentException($"Schema name '{schema}' must match {SchemaName()} (lower-case letters, digits, underscores).", nameof(schema));

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
