using Npgsql;
using Trellis.Storage;
using Trellis.Storage.Postgres;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>PostgreSQL failures become the contract's typed exceptions, transient or permanent as they should.</summary>
public sealed class PostgresFailureTests(PostgresSchemaFixture schema) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task An_unreachable_server_is_a_transient_unavailable_failure()
    {
        var options = new PostgresStoreOptions { ConnectionString = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2" };

        var failure = await Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresTrellisStore.OpenAsync(options));

        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task A_wrong_password_is_permanent()
    {
        var connection = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { Password = "wrong" };

        var failure = await Assert.ThrowsAnyAsync<StorageException>(() =>
            PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connection.ToString(), Schema = schema.Schema }));

        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task Waiting_too_long_for_a_claimed_person_is_a_transient_busy_failure()
    {
        await schema.EmptyAsync();
        var impatient = new NpgsqlConnectionStringBuilder(schema.ConnectionString) { Options = "-c lock_timeout=100" };
        await using var worker = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = schema.ConnectionString, Schema = schema.Schema });
        await using var ingest = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = impatient.ToString(), Schema = schema.Schema });
        var ws = new WorkspaceId("ws");
        await ingest.Events.AppendAsync(ws, [Track("u1", "a")]);

        await using var unit = await worker.Work.ClaimAsync(T0, 10);
        var failure = await Assert.ThrowsAsync<StorageBusyException>(() => ingest.Events.AppendAsync(ws, [Track("u1", "b")]));

        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task A_schema_from_a_newer_Trellis_is_refused()
    {
        var newer = "t_" + Guid.NewGuid().ToString("N");
        var options = new PostgresStoreOptions { ConnectionString = schema.ConnectionString, Schema = newer };
        await (await PostgresTrellisStore.OpenAsync(options)).DisposeAsync();
        await using var connection = new NpgsqlConnection(schema.ConnectionString);
        await connection.OpenAsync();
        try
        {
            await using (var future = new NpgsqlCommand($"INSERT INTO {newer}.schema_version VALUES (999, 'future', now())", connection))
            {
                await future.ExecuteNonQueryAsync();
            }

            var failure = await Assert.ThrowsAsync<SchemaVersionException>(() => PostgresTrellisStore.OpenAsync(options));
            Assert.Equal(999, failure.DatabaseVersion);
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {newer} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
