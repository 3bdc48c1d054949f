using Trellis.Storage;
using Trellis.Storage.Postgres;

namespace Trellis.Storage.Tests;

/// <summary>The compliance suite on a real PostgreSQL server: a schema for the class, emptied before each test.</summary>
public sealed class PostgresStoreCompliance(PostgresSchemaFixture schema) : StoreCompliance, IClassFixture<PostgresSchemaFixture>
{
    protected override Task CreateDatabaseAsync() => schema.EmptyAsync();

    protected override async Task<ITrellisStore> OpenStoreAsync() =>
        await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = schema.ConnectionString, Schema = schema.Schema });

    protected override Task DropDatabaseAsync() => Task.CompletedTask;
}
