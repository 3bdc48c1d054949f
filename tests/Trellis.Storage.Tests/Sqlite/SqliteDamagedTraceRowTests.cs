using Trellis.Storage.Sqlite;

namespace Trellis.Storage.Tests;

/// <summary>
/// A trace row is one JSON array of lines (TraceBatch). The engine's commit is its only writer, but a row damaged on
/// disk or by hand must come back as a typed storage error that names the row, not as a JSON parser's exception.
/// </summary>
public sealed class SqliteDamagedTraceRowTests : IDisposable
{
    private static readonly WorkspaceId Ws = new("ws-damaged");
    private readonly string _path = TempSqliteFile.NewPath();

    [Fact]
    public async Task Reading_a_trace_row_that_is_not_json_fails_as_invalid_storage_data()
    {
        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });
        using (var connection = SqliteTestDatabase.Open(_path))
        {
            SqliteTestDatabase.Execute(connection, "INSERT INTO trace (seq, workspace_id, person_id, lines) VALUES (7, $ws, 'u1', '[[1, \"enter\"')",
                ("$ws", Ws.Value));
        }

        var failure = await Assert.ThrowsAsync<InvalidStorageDataException>(() => store.Persons.ReadTraceAsync(Ws, "u1", 0, 10));
        Assert.Contains("trace row 7", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
    }

    public void Dispose() => TempSqliteFile.Delete(_path);
}
