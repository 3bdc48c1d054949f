using Microsoft.Data.Sqlite;
using Trellis.Storage.Sqlite;

namespace Trellis.Storage.Tests;

/// <summary>
/// Plain connections to a test's SQLite file, for the migration tests: they build a database as an older version
/// left it (the backend's own scripts up to that version), write rows as that version wrote them, then let the
/// store open it and migrate the rest.
/// </summary>
internal static class SqliteTestDatabase
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The backend's own migration scripts 1..<paramref name="version"/>, recorded as the migrator records them.</summary>
    public static void ApplyMigrationsThrough(SqliteConnection connection, int version)
    {
        var scripts = MigrationScriptsThrough.Read(typeof(SqliteTrellisStore).Assembly, version);
        Execute(connection, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
        for (var i = 0; i < scripts.Count; i++)
        {
            Execute(connection, scripts[i]);
            Execute(connection, $"INSERT INTO schema_version VALUES ({i + 1}, 'v{i + 1}', 0)");
        }
    }

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
