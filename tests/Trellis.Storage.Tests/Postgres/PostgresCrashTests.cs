using Npgsql;
using Trellis.Storage;
using Trellis.Storage.Postgres;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>What happens to claimed work when a `trellis serve` process dies with its connection.</summary>
public sealed class PostgresCrashTests(PostgresSchemaFixture schema) : IClassFixture<PostgresSchemaFixture>
{
    private const string DyingProcess = "trellis-test-dying-process";

    [Fact]
    public async Task Persons_claimed_by_a_process_that_died_are_claimed_by_another_and_nothing_of_its_work_remains()
    {
        await schema.EmptyAsync();
        var options = new PostgresStoreOptions { ConnectionString = schema.ConnectionString, Schema = schema.Schema };
        var dyingConnection = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { ApplicationName = DyingProcess };
        await using var dying = await PostgresTrellisStore.OpenAsync(options with { ConnectionString = dyingConnection.ToString() });
        await using var survivor = await PostgresTrellisStore.OpenAsync(options);
        var ws = new WorkspaceId("ws");
        await survivor.Events.AppendAsync(ws, [Track("u1", "a")]);

        var orphan = await dying.Work.ClaimAsync(T0, 10);
        orphan.Record(TestChanges.Processed(orphan.Persons[0], "never-committed"));
        await using (var stillHeld = await survivor.Work.ClaimAsync(T0, 10))
        {
            Assert.Empty(stillHeld.Persons);
        }

        await KillConnectionsHoldingClaimsAsync();

        await using var taken = await survivor.Work.ClaimAsync(T0, 10);
        var u1 = Assert.Single(taken.Persons);
        Assert.Null(u1.State);
        Assert.Single(u1.Events);
        await Assert.ThrowsAnyAsync<StorageException>(() => orphan.CommitAsync());
        await orphan.DisposeAsync();
    }

    /// <summary>Ends the dying store's connections, as the crash of its process would.</summary>
    private async Task KillConnectionsHoldingClaimsAsync()
    {
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @name", connection);
        kill.Parameters.AddWithValue("name", DyingProcess);
        var killed = new List<bool>();
        await using (var reader = await kill.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                killed.Add(reader.GetBoolean(0));
            }
        }

        Assert.Contains(true, killed);
        // Termination is asynchronous: wait until the server has rolled the transaction back.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var left = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
            left.Parameters.AddWithValue("name", DyingProcess);
            if ((long)(await left.ExecuteScalarAsync())! == 0)
            {
                return;
            }

            await Task.Delay(50);
        }
    }
}
