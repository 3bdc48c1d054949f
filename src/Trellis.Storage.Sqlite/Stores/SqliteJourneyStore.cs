using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteJourneyStore(SqliteDatabase database) : IJourneyStore
{
    public Task<JourneyRecord> SaveSourceAsync(WorkspaceId workspace, string journeyId, string sourceYaml, Instant at, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        ArgumentNullException.ThrowIfNull(sourceYaml);
        return database.WriteAsync(s =>
        {
            var existing = Get(s, workspace, journeyId);
            if (expectedVersion is { } expected && (existing?.Version ?? 0) != expected)
            {
                throw new VersionConflictException(
                    $"Journey '{journeyId}' is at version {existing?.Version ?? 0}, not {expected}.", existing?.Version);
            }

            s.Command(existing is null ? "InsertJourney" : "UpdateJourneySource")
                .Bind("$ws", workspace)
                .Bind("$journey_id", journeyId)
                .Bind("$source", sourceYaml)
                .Bind("$at", at)
                .ExecuteNonQuery();
            return Get(s, workspace, journeyId)!;
        }, cancellationToken);
    }

    public async Task<bool> SetStatusAsync(WorkspaceId workspace, string journeyId, JourneyStatus status, string? reason, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        var changed = await database.WriteAsync(s => s.Command("SetJourneyStatus")
            .Bind("$ws", workspace)
            .Bind("$journey_id", journeyId)
            .Bind("$status", StoredNames.Of(status))
            .Bind("$reason", reason)
            .Bind("$at", at)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public Task<JourneyRecord?> GetAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        return database.ReadAsync(s => Get(s, workspace, journeyId), cancellationToken);
    }

    public async Task<IReadOnlyList<JourneyRecord>> ListAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return await database.ReadAsync(s => s.Command("ListJourneys")
            .Bind("$ws", workspace)
            .ReadAll(r => SqliteRows.Journey(r, workspace)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        var deleted = await database.WriteAsync(s => s.Command("DeleteJourney")
            .Bind("$ws", workspace)
            .Bind("$journey_id", journeyId)
            .ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private static JourneyRecord? Get(ISqliteSession session, WorkspaceId workspace, string journeyId) =>
        session.Command("GetJourney")
            .Bind("$ws", workspace)
            .Bind("$journey_id", journeyId)
            .ReadFirstOrDefault(r => SqliteRows.Journey(r, workspace));
}
