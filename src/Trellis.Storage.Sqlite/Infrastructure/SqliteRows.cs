using Microsoft.Data.Sqlite;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>Turns rows into contract records. Column orders match the SELECT lists of the .sql files.</summary>
internal static class SqliteRows
{
    /// <summary>id, name, write_key_hash, secret_key_hash, created_at, keys_updated_at</summary>
    public static WorkspaceRecord Workspace(SqliteDataReader r) => new(
        new WorkspaceId(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInstant(4), r.GetInstant(5));

    /// <summary>seq, person_id, message_id, kind, event_name, payload, occurred_at, received_at</summary>
    public static StoredEvent Event(SqliteDataReader r, WorkspaceId workspace) => new(
        r.GetInt64(0), workspace, r.GetString(1), r.GetString(2), StoredNames.EventKindOf(r.GetString(3)),
        r.GetNullableString(4), r.GetString(5), r.GetInstant(6), r.GetInstant(7));

    /// <summary>topic, granted, source, at</summary>
    public static ConsentRecord Consent(SqliteDataReader r) => new(r.GetString(0), r.GetFlag(1), r.GetString(2), r.GetInstant(3));

    /// <summary>channel, address, reason, at</summary>
    public static Suppression Suppression(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInstant(3));

    /// <summary>id, person_id, send_id, title, body, metadata, created_at, read_at</summary>
    public static InboxMessage Inbox(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), MetadataJson.Read(r.GetString(5)),
        r.GetInstant(6), r.GetNullableInstant(7));

    /// <summary>journey_id, source, status, status_reason, version, updated_at</summary>
    public static JourneyRecord Journey(SqliteDataReader r, WorkspaceId workspace) => new(
        workspace, r.GetString(0), r.GetString(1), StoredNames.JourneyStatusOf(r.GetString(2)), r.GetNullableString(3),
        r.GetInt64(4), r.GetInstant(5));

    /// <summary>id, workspace_id, person_id, journey_instance, step_id, decision_seq, channel, payload, status,
    /// attempts, available_at, lease_token, last_error, created_at, completed_at, provider_message_id</summary>
    public static OutboxEntry Outbox(SqliteDataReader r) => new(
        r.GetInt64(0),
        new WorkspaceId(r.GetString(1)),
        new SendKey(r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5)),
        r.GetString(6),
        r.GetString(7),
        StoredNames.OutboxStatusOf(r.GetString(8)),
        r.GetInt32(9),
        r.GetInstant(10),
        r.IsDBNull(11) ? null : Guid.Parse(r.GetString(11)),
        r.GetNullableString(12),
        r.GetInstant(13),
        r.GetNullableInstant(14),
        r.GetNullableString(15));
}
