using Trellis.Storage.Sqlite;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Migration 0005 turns the one-row-per-line trace into rows of lines (one per person per commit). A database left
/// at version 4 with lines in it must read back the same lines, in the same order, and lines the engine commits
/// after the upgrade must come after them.
/// </summary>
public sealed class SqliteTraceRowsMigrationTests : IDisposable
{
    private static readonly WorkspaceId Ws = new("ws-trace");
    private readonly string _path = TempSqliteFile.NewPath();

    [Fact]
    public async Task Lines_written_by_version_4_read_back_unchanged_and_in_order_before_new_ones()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using (var connection = SqliteTestDatabase.Open(_path))
        {
            SqliteTestDatabase.ApplyMigrationsThrough(connection, 4);
            InsertOldLine(connection, "u1", T0, "enter", step: null, """{"type":"enter","holdout":true}""");
            InsertOldLine(connection, "u2", T0, "enter", step: null, """{"type":"enter"}""");
            InsertOldLine(connection, "u1", T0.PlusMinutes(1), "send", step: "welcome", """{"type":"send","channel":"email","note":"café ☕"}""");
            SqliteTestDatabase.Execute(connection, "DELETE FROM trace WHERE person_id = 'u2'"); // erased
        }

        await using var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });
        var migrated = await MigratedTraceChecks.OldLinesReadBackAsync(store, Ws);
        await MigratedTraceChecks.NewLinesComeAfterAsync(store, Ws, migrated);
    }

    public void Dispose() => TempSqliteFile.Delete(_path);

    private static void InsertOldLine(Microsoft.Data.Sqlite.SqliteConnection connection, string person, NodaTime.Instant at, string type, string? step, string details) =>
        SqliteTestDatabase.Execute(connection, """
            INSERT INTO trace (workspace_id, person_id, at, type, journey_id, step_id, details)
            VALUES ($ws, $person, $at, $type, 'onboarding', $step, $details)
            """, ("$ws", Ws.Value), ("$person", person), ("$at", at.ToUnixTimeTicks() / 10), ("$type", type), ("$step", step), ("$details", details));
}
