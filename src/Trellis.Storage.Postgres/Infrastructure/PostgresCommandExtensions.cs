using Npgsql;

namespace Trellis.Storage.Postgres;

/// <summary>Reading helpers for commands and for the result sets of a batch.</summary>
internal static class PostgresCommandExtensions
{
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadResultAsync(map, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ReadFirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
    }

    /// <summary>The first column of the first row; null for no row or NULL.</summary>
    public static async Task<object?> ScalarAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>Reads the rows of the current result set (of a command or batch), leaving the reader on it.</summary>
    public static async Task<List<T>> ReadResultAsync<T>(this NpgsqlDataReader reader, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Adds a statement to a batch and returns its parameters for binding.</summary>
    public static NpgsqlParameterCollection Add(this NpgsqlBatch batch, PostgresDatabase database, string statement)
    {
        var command = new NpgsqlBatchCommand(database.Sql[statement]);
        batch.BatchCommands.Add(command);
        return command.Parameters;
    }
}
