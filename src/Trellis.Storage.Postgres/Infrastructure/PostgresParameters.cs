using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Adds parameters with explicit types: arrays (for unnest) and nulls need them, and explicit types let
/// Npgsql's automatic preparation reuse one server-side statement per SQL text.
/// </summary>
internal static class PostgresParameters
{
    public static NpgsqlParameterCollection Text(this NpgsqlParameterCollection parameters, string name, string? value) =>
        parameters.With(name, NpgsqlDbType.Text, value);

    public static NpgsqlParameterCollection Workspace(this NpgsqlParameterCollection parameters, WorkspaceId workspace) =>
        parameters.With("ws", NpgsqlDbType.Text, workspace.Value);

    public static NpgsqlParameterCollection Bigint(this NpgsqlParameterCollection parameters, string name, long value) =>
        parameters.With(name, NpgsqlDbType.Bigint, value);

    public static NpgsqlParameterCollection Integer(this NpgsqlParameterCollection parameters, string name, int value) =>
        parameters.With(name, NpgsqlDbType.Integer, value);

    public static NpgsqlParameterCollection Boolean(this NpgsqlParameterCollection parameters, string name, bool value) =>
        parameters.With(name, NpgsqlDbType.Boolean, value);

    public static NpgsqlParameterCollection Uuid(this NpgsqlParameterCollection parameters, string name, Guid value) =>
        parameters.With(name, NpgsqlDbType.Uuid, value);

    public static NpgsqlParameterCollection Time(this NpgsqlParameterCollection parameters, string name, Instant value) =>
        parameters.With(name, NpgsqlDbType.TimestampTz, PostgresTime.ToStored(value));

    public static NpgsqlParameterCollection Time(this NpgsqlParameterCollection parameters, string name, Instant? value) =>
        parameters.With(name, NpgsqlDbType.TimestampTz, PostgresTime.ToStored(value));

    public static NpgsqlParameterCollection TextArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<string?> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values.ToArray());

    public static NpgsqlParameterCollection BigintArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<long> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint, values.ToArray());

    public static NpgsqlParameterCollection UuidArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<Guid> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.Uuid, values.ToArray());

    public static NpgsqlParameterCollection BooleanArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<bool> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.Boolean, values.ToArray());

    public static NpgsqlParameterCollection ByteaArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<byte[]> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.Bytea, values.ToArray());

    public static NpgsqlParameterCollection TimeArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<Instant> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, values.Select(PostgresTime.ToStored).ToArray());

    public static NpgsqlParameterCollection NullableTimeArray(this NpgsqlParameterCollection parameters, string name, IEnumerable<Instant?> values) =>
        parameters.With(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, values.Select(PostgresTime.ToStored).ToArray());

    private static NpgsqlParameterCollection With(this NpgsqlParameterCollection parameters, string name, NpgsqlDbType type, object? value)
    {
        parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return parameters;
    }
}
