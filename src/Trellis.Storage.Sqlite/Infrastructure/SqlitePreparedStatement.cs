using System.Text;
using Microsoft.Data.Sqlite;
using NodaTime;
using SQLitePCL;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// A statement prepared once on a connection and driven directly through SQLitePCL: parameters are resolved to
/// their indexes once and bound by index, and executing is one step and one reset. Microsoft.Data.Sqlite looks
/// every parameter up by name and builds a data reader on each execution, which was about half of the cost of
/// the per-row INSERTs/UPDATEs of ingestion and of the engine's commit (BENCHMARKS.md, server profile).
/// For the hot per-row writes only; everything else keeps using <see cref="SqliteCommand"/>.
/// </summary>
internal sealed class SqlitePreparedStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);
    // Text is encoded here and bound as a span (SQLite copies it): SQLitePCL's string overload allocates a new
    // UTF-8 array per bind, ~1.7 KB for each outbox payload of the engine's commit. Used by one writer at a time.
    private byte[] _utf8 = new byte[4096];

    public SqlitePreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        var count = raw.sqlite3_bind_parameter_count(_statement);
        for (var i = 1; i <= count; i++)
        {
            _indexes[raw.sqlite3_bind_parameter_name(_statement, i).utf8_to_string()] = i;
        }
    }

    public SqlitePreparedStatement Bind(string name, string? value)
    {
        var index = IndexOf(name);
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
        }
        else if (value.Length == 0)
        {
            // An empty span would pass a null pointer, which SQLite binds as NULL.
            Check(raw.sqlite3_bind_text(_statement, index, value));
        }
        else
        {
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_utf8.Length < length)
            {
                _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
            }

            var written = Encoding.UTF8.GetBytes(value, _utf8);
            Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written)));
        }

        return this;
    }

    public SqlitePreparedStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, IndexOf(name), value));
        return this;
    }

    public SqlitePreparedStatement Bind(string name, long? value) =>
        value is { } v ? Bind(name, v) : BindNull(name);

    public SqlitePreparedStatement Bind(string name, WorkspaceId workspace) => Bind(name, workspace.Value);

    public SqlitePreparedStatement Bind(string name, Instant instant) => Bind(name, SqliteTime.ToStored(instant));

    public SqlitePreparedStatement Bind(string name, Instant? instant) =>
        instant is { } value ? Bind(name, SqliteTime.ToStored(value)) : BindNull(name);

    public SqlitePreparedStatement Bind(string name, byte[]? value)
    {
        var index = IndexOf(name);
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    /// <summary>Runs the statement to its end; returns the rows changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement and returns the first column of its first row as an integer (null: no row or NULL).</summary>
    public long? ScalarInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            Check(rc);
            long? value = raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, 0);
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc);
            return value;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private SqlitePreparedStatement BindNull(string name)
    {
        Check(raw.sqlite3_bind_null(_statement, IndexOf(name)));
        return this;
    }

    private int IndexOf(string name) => _indexes.TryGetValue(name, out var index)
        ? index
        : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            // Same exception (code and message) as Microsoft.Data.Sqlite would throw, so SqliteErrors translates it.
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
