using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Idle <see cref="SqliteCachedReader"/>s kept for the next read. A read rents one (or opens a new one when all are
/// busy) and gives it back; at most <c>keep</c> stay idle, the rest are closed. A reader whose read threw is closed
/// rather than kept, so a statement left mid-step or a broken connection never serves the next read.
/// </summary>
internal sealed class SqliteReaderPool(string connectionString, SqlCatalog sql, int keep) : IDisposable
{
    /// <summary>Page cache of each pooled reader (KiB): the hot rows are shared through the OS page cache anyway.</summary>
    private const int CacheKiB = 4096;

    private readonly Stack<SqliteCachedReader> _idle = new();
    private bool _disposed;

    public SqliteCachedReader Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var reader))
            {
                return reader;
            }
        }

        return new SqliteCachedReader(connectionString, sql, CacheKiB);
    }

    public void Return(SqliteCachedReader reader, bool healthy)
    {
        if (healthy)
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < keep)
                {
                    _idle.Push(reader);
                    return;
                }
            }
        }

        reader.Dispose();
    }

    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out var reader))
            {
                reader.Dispose();
            }
        }
    }
}
