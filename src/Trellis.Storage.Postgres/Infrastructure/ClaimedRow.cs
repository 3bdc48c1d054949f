using Npgsql;
using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>A persons row as locked by ClaimPersons, before events, consent and suppressions are attached.</summary>
internal sealed record ClaimedRow(
    WorkspaceId Workspace,
    string PersonId,
    byte[]? State,
    long Version,
    Instant? NextWakeAt,
    long ProcessedThrough,
    string Traits,
    Instant CreatedAt,
    Instant UpdatedAt)
{
    /// <summary>workspace_id, person_id, state, version, next_wake_at, processed_seq, traits, created_at, updated_at</summary>
    public static ClaimedRow Read(NpgsqlDataReader r) => new(
        new WorkspaceId(r.GetString(0)), r.GetString(1), r.GetNullableBytes(2), r.GetInt64(3), r.GetNullableInstant(4),
        r.GetInt64(5), r.GetString(6), r.GetInstant(7), r.GetInstant(8));
}
