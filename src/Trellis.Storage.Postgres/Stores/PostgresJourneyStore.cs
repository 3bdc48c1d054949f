using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresJourneyStore(PostgresDatabase database) : IJourneyStore
{
    public Task<JourneyRecord> SaveSourceAsync(WorkspaceId workspace, string journeyId, string sourceYaml, Instant at, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        ArgumentNullException.ThrowIfNull(sourceYaml);
        return database.InTransactionAsync(async (c, t) =>
        {
            var existing = await GetAsync(c, t, "GetJourneyForUpdate", workspace, journeyId, cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && (existing?.Version ?? 0) != expected)
            {
                throw new VersionConflictException(
                    $"Journey '{journeyId}' is at version {existing?.Version ?? 0}, not {expected}.", existing?.Version);
            }

            await using (var save = database.Command(existing is null ? "InsertJourney" : "UpdateJourneySource", c, t))
            {
                save.Parameters.Workspace(workspace).Text("journey_id", journeyId).Text("source", sourceYaml).Time("at", at);
                await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return (await GetAsync(c, t, "GetJourney", workspace, journeyId, cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    public Task<bool> SetStatusAsync(WorkspaceId workspace, string journeyId, JourneyStatus status, string? reason, Instant at, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("SetJourneyStatus", c);
            command.Parameters.Workspace(workspace).Text("journey_id", journeyId).Text("status", StoredNames.Of(status)).Text("reason", reason).Time("at", at);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    public Task<JourneyRecord?> GetAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        return database.RunAsync(c => GetAsync(c, null, "GetJourney", workspace, journeyId, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<JourneyRecord>> ListAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        return database.RunAsync<IReadOnlyList<JourneyRecord>>(async c =>
        {
            await using var command = database.Command("ListJourneys", c);
            command.Parameters.Workspace(workspace);
            return await command.ReadAllAsync(r => PostgresRows.Journey(r, workspace), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<bool> DeleteAsync(WorkspaceId workspace, string journeyId, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journeyId, nameof(journeyId));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("DeleteJourney", c);
            command.Parameters.Workspace(workspace).Text("journey_id", journeyId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }, cancellationToken);
    }

    private async Task<JourneyRecord?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string statement, WorkspaceId workspace, string journeyId, CancellationToken cancellationToken)
    {
        await using var command = database.Command(statement, connection, transaction);
        command.Parameters.Workspace(workspace).Text("journey_id", journeyId);
        return await command.ReadFirstOrDefaultAsync(r => PostgresRows.Journey(r, workspace), cancellationToken).ConfigureAwait(false);
    }
}
