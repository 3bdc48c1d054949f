using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Storage.Tests;

/// <summary>The compliance suite on SQLite: a fresh temp database file (WAL) per test.</summary>
public sealed class SqliteStoreCompliance : StoreCompliance
{
    private readonly string _path = TempSqliteFile.NewPath();

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override async Task<ITrellisStore> OpenStoreAsync() =>
        await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _path });

    protected override Task DropDatabaseAsync()
    {
        TempSqliteFile.Delete(_path);
        return Task.CompletedTask;
    }
}
