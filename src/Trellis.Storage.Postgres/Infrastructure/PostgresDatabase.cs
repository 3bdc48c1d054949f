using Npgsql;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// The PostgreSQL connection pool (an NpgsqlDataSource with automatic statement preparation) and the named
/// statements. Every Npgsql error leaves here as a <see cref="StorageException"/>.
/// </summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresDatabase(NpgsqlDataSource dataSource, SqlCatalog sql)
    {
        _dataSource = dataSource;
        Sql = sql;
    }

    public SqlCatalog Sql { get; }

    public static async Task<PostgresDatabase> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var schema = options.Schema is null ? null : PostgresMigrator.CheckedSchemaName(options.Schema);
        if (schema is not null)
        {
            builder.SearchPath = schema;
        }

        if (builder.MaxAutoPrepare == 0)
        {
            // Hot statements (append, claim, commit) are prepared once per connection and then only bound.
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        var sql = SqlCatalog.Load(typeof(PostgresDatabase).Assembly, ".Statements.");
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await PostgresMigrator.MigrateAsync(dataSource, schema ?? builder.SearchPath ?? "public", schema is not null, cancellationToken).ConfigureAwait(false);
            return new PostgresDatabase(dataSource, sql);
        }
        catch (NpgsqlException exception)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw PostgresErrors.Translate(exception);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public NpgsqlCommand Command(string statement, NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        new(Sql[statement], connection, transaction);

    /// <summary>Runs work on a pooled connection without an explicit transaction (each statement commits on its own).</summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    /// <summary>Runs work in one transaction and commits it (rolled back if the work throws).</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (NpgsqlException exception)
        {
            throw PostgresErrors.Translate(exception);
        }
    }

    /// <summary>Opens a connection with a transaction that the caller owns (a unit of work).</summary>
    public async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BeginAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            return (connection, transaction);
        }
        catch (NpgsqlException exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw PostgresErrors.Translate(exception);
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
