using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Creates or upgrades the schema at open, inside one IMMEDIATE transaction (so two processes opening the
/// same file at once do not both migrate). Idempotent: applied versions are recorded in schema_version.
/// </summary>
internal static class SqliteMigrator
{
    public static void Migrate(SqliteConnection connection)
    {
        var migrations = MigrationScripts.Load(typeof(SqliteMigrator).Assembly);
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        var current = Convert.ToInt32(Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (current > migrations.Count)
        {
            throw new SchemaVersionException(current, migrations.Count);
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at)";
            record.Bind("$version", (object)migration.Version)
                .Bind("$name", (object)migration.Name)
                .Bind("$at", SystemClock.Instance.GetCurrentInstant())
                .ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
