using Npgsql;

namespace Trellis.Storage.Postgres;

/// <summary>Translates Npgsql/PostgreSQL failures into the contract's (transient or permanent) failures, by SQLSTATE.</summary>
internal static class PostgresErrors
{
    public static StorageException Translate(NpgsqlException exception)
    {
        var message = $"PostgreSQL: {exception.Message}";
        if (exception is not PostgresException server)
        {
            // Client-side: connection refused or broken, timeouts, pool exhausted.
            return exception.IsTransient
                ? new StorageUnavailableException(message, exception)
                : new PermanentStorageException(message, exception);
        }

        var state = server.SqlState;
        return state switch
        {
            // serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement/lock timeout)
            "40001" or "40P01" or "55P03" or "57014" => new StorageBusyException(message, exception),
            // admin_shutdown, crash_shutdown, cannot_connect_now
            "57P01" or "57P02" or "57P03" => new StorageUnavailableException(message, exception),
            // connection_exception, insufficient_resources (e.g. too_many_connections), system errors (I/O)
            _ when state.StartsWith("08", StringComparison.Ordinal)
                   || state.StartsWith("53", StringComparison.Ordinal)
                   || state.StartsWith("58", StringComparison.Ordinal) => new StorageUnavailableException(message, exception),
            _ when state.StartsWith("23", StringComparison.Ordinal) => new ConstraintViolationException(message, exception),
            // data_exception: malformed JSON, out-of-range values, …
            _ when state.StartsWith("22", StringComparison.Ordinal) => new InvalidStorageDataException(message, exception),
            _ => server.IsTransient
                ? new StorageBusyException(message, exception)
                : new PermanentStorageException(message, exception),
        };
    }
}
