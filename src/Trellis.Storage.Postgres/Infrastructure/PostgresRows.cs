using Npgsql;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Turns rows into contract records. Column orders match the SELECT lists of the .sql files; a non-zero
/// <c>first</c> skips leading key columns of the multi-person queries.
/// </summary>
internal static class PostgresRows
{
    /// <summary>id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at</summary>
    public static WorkspaceRecord Workspace(NpgsqlDataReader r) => new(
        new WorkspaceId(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInstant(4), r.GetInstant(5));

    /// <summary>seq, person_id, message_id, kind, event_name, payload, occurred_at, received_at</summary>
    public static StoredEvent Event(NpgsqlDataReader r, WorkspaceId workspace, int first = 0) => new(
        r.GetInt64(first), workspace, r.GetString(first + 1), r.GetString(first + 2), StoredNames.EventKindOf(r.GetString(first + 3)),
        r.GetNullableString(first + 4), r.GetString(first + 5), r.GetInstant(first + 6), r.GetInstant(first + 7));

    /// <summary>topic, granted, source, at</summary>
    public static ConsentRecord Consent(NpgsqlDataReader r, int first = 0) =>
        new(r.GetString(first), r.GetBoolean(first + 1), r.GetString(first + 2), r.GetInstant(first + 3));

    /// <summary>id, person_id, send_id, title, body, metadata, created_at, read_at</summary>
    public static InboxMessage Inbox(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), MetadataJson.Read(r.GetString(5)),
        r.GetInstant(6), r.GetNullableInstant(7));

    /// <summary>channel, address, reason, at</summary>
    public static Suppression Suppression(NpgsqlDataReader r, int first = 0) =>
        new(r.GetString(first), r.GetString(first + 1), r.GetString(first + 2), r.GetInstant(first + 3));

    /// <summary>journey_id, source, status, status_reason, version, updated_at</summary>
    public static JourneyRecord Journey(NpgsqlDataReader r, WorkspaceId workspace) => new(
        workspace, r.GetString(0), r.GetString(1), StoredNames.JourneyStatusOf(r.GetString(2)), r.GetNullableString(3),
        r.GetInt64(4), r.GetInstant(5));

    /// <summary>id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
    /// attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id</summary>
    public static OutboxEntry Outbox(NpgsqlDataReader r) => new(
        r.GetInt64(0),
        new WorkspaceId(r.GetString(1)),
        new SendKey(r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5)),
        r.GetString(6),
        r.GetString(7),
        StoredNames.OutboxStatusOf(r.GetString(8)),
        r.GetInt32(9),
        r.GetInstant(10),
        r.IsDBNull(11) ? null : r.GetGuid(11),
        r.GetNullableString(12),
        r.GetInstant(13),
        r.GetNullableInstant(14),
        r.GetNullableString(15));
}
