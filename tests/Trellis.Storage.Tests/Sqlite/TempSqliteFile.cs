namespace Trellis.Storage.Tests;

/// <summary>Temp database files for the SQLite tests, with their WAL and shared-memory companions.</summary>
internal static class TempSqliteFile
{
    public static string NewPath() =>
        Path.Combine(Path.GetTempPath(), "trellis-storage-tests", Guid.NewGuid().ToString("N") + ".db");

    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-claims.lock" })
        {
            File.Delete(file);
        }
    }
}
