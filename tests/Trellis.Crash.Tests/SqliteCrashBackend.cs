using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Crash.Tests;

internal sealed class SqliteCrashBackend(string folder) : CrashBackend
{
    private readonly string _file = Path.Combine(folder, "trellis.db");

    public override string Name => "sqlite";

    public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Trellis__Storage__Provider"] = "sqlite",
        ["Trellis__Storage__ConnectionString"] = _file,
    };

    public override async Task<ITrellisStore> OpenAsync() =>
        await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = _file });
}
