using Microsoft.Data.Sqlite;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The one write transaction (BEGIN IMMEDIATE) of the process, holding the writer gate until it is committed
/// or disposed. Disposing without commit rolls back.
/// </summary>
internal sealed class SqliteWriteSession : ISqliteSession, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteTransaction _transaction;
    private bool _completed;
    private bool _disposed;

    public SqliteWriteSession(SqliteDatabase database, SqliteTransaction transaction)
    {
        _database = database;
        _transaction = transaction;
    }

    public SqliteCommand Command(string statement)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("This write transaction has already been committed.");
        }

        return _database.WriterCommand(statement, _transaction);
    }

    public SqlitePreparedStatement Prepared(string statement)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("This write transaction has already been committed.");
        }

        return _database.WriterStatement(statement);
    }

    /// <summary>Starts a savepoint, so one write of a group can be undone without the others.</summary>
    public void Savepoint(string name) => _transaction.Save(name);

    public void RollbackToSavepoint(string name)
    {
        _transaction.Rollback(name);
        _transaction.Release(name);
    }

    public void ReleaseSavepoint(string name) => _transaction.Release(name);

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _transaction.Commit();
            _completed = true;
        }
        catch (SqliteException exception)
        {
            throw SqliteErrors.Translate(exception);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_completed)
            {
                _transaction.Rollback();
            }
        }
        catch (SqliteException)
        {
            // SQLite already rolled back (e.g. after an I/O error); nothing is left to undo.
        }
        finally
        {
            _transaction.Dispose();
            _database.EndWrite();
        }
    }
}
