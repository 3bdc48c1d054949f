using Microsoft.Data.Sqlite;
using NodaTime;

namespace Trellis.Storage.Sqlite;

/// <summary>Builds profiles (a person row plus their consent rows) on any session.</summary>
internal static class SqliteProfiles
{
    /// <summary>From a row of person_id, traits, created_at, updated_at.</summary>
    public static PersonProfile FromRow(ISqliteSession session, WorkspaceId workspace, SqliteDataReader row) =>
        Build(session, workspace, row.GetString(0), row.GetString(1), row.GetInstant(2), row.GetInstant(3));

    public static PersonProfile Build(ISqliteSession session, WorkspaceId workspace, string personId, string traits, Instant createdAt, Instant updatedAt) =>
        new(workspace, personId, traits, Consents(session, workspace, personId), createdAt, updatedAt);

    public static IReadOnlyDictionary<string, ConsentRecord> Consents(ISqliteSession session, WorkspaceId workspace, string personId) =>
        session.Command("ListConsents")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .ReadAll(SqliteRows.Consent)
            .ToDictionary(c => c.Topic, StringComparer.Ordinal);
}
