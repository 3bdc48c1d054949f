using Microsoft.Data.Sqlite;
using NodaTime;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Binding values to (often cached, prepared) commands: a parameter is created once per command and only its
/// value changes afterwards, so a reused command keeps its prepared statement.
/// </summary>
internal static class SqliteCommandExtensions
{
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameter = command.Parameters.Contains(name)
            ? command.Parameters[name]
            : command.Parameters.Add(new SqliteParameter { ParameterName = name });
        parameter.Value = value ?? DBNull.Value;
        return command;
    }

    public static SqliteCommand Bind(this SqliteCommand command, string name, WorkspaceId workspace) =>
        command.Bind(name, (object)workspace.Value);

    public static SqliteCommand Bind(this SqliteCommand command, string name, Instant instant) =>
        command.Bind(name, (object)SqliteTime.ToStored(instant));

    public static SqliteCommand Bind(this SqliteCommand command, string name, Instant? instant) =>
        command.Bind(name, instant is { } value ? SqliteTime.ToStored(value) : null);

    public static SqliteCommand Bind(this SqliteCommand command, string name, bool value) =>
        command.Bind(name, (object)(value ? 1L : 0L));

    /// <summary>Runs a query expected to return at most one value; null for no row or NULL.</summary>
    public static object? Scalar(this SqliteCommand command)
    {
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> ReadAll<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static T? ReadFirstOrDefault<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
        where T : class
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? map(reader) : null;
    }
}
