using Npgsql;
using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>A persons row as read for a profile, before its consent rows are attached.</summary>
internal sealed record ProfileRow(string PersonId, string Traits, Instant CreatedAt, Instant UpdatedAt)
{
    /// <summary>person_id, traits, created_at, updated_at</summary>
    public static ProfileRow Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInstant(2), r.GetInstant(3));

    public PersonProfile ToProfile(WorkspaceId workspace, IReadOnlyDictionary<(string Workspace, string Person), Dictionary<string, ConsentRecord>> consent) =>
        new(workspace, PersonId, Traits,
            consent.TryGetValue((workspace.Value, PersonId), out var own) ? own : new Dictionary<string, ConsentRecord>(StringComparer.Ordinal),
            CreatedAt, UpdatedAt);
}
