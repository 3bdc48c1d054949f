using Microsoft.Data.Sqlite;

namespace Trellis.Bench.Server;

/// <summary>Prepared INSERTs in one transaction on a second connection (the server's writer is idle: not started yet).</summary>
internal sealed class SqlitePersonSeeder(string path) : IPersonSeeder
{
    public Task SeedAsync(int people, Func<int, byte[]> state, Func<int, long> wake, long nowMicros)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO persons (workspace_id, person_id, state, version, next_wake_at, has_unprocessed, processed_seq, traits, created_at, updated_at)
            VALUES ('default', $id, $state, 1, $wake, 0, 0, '{}', $now, $now)
            """;
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var blob = insert.Parameters.Add("$state", SqliteType.Blob);
        var at = insert.Parameters.Add("$wake", SqliteType.Integer);
        insert.Parameters.AddWithValue("$now", nowMicros);
        insert.Prepare();
        for (var n = 0; n < people; n++)
        {
            id.Value = "u" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            blob.Value = state(n);
            at.Value = wake(n);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return Task.CompletedTask;
    }
}
