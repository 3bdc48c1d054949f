using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

internal sealed class PostgresGuardrailCounts(PostgresDatabase database) : IGuardrailCounts
{
    public Task AddAsync(WorkspaceId workspace, string journey, Instant bucketStart, GuardrailTally tally, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journey, nameof(journey));
        InboxArguments.RequireTally(tally);
        if (tally.IsEmpty)
        {
            return Task.CompletedTask;
        }

        return database.RunAsync(async c =>
        {
            await using var command = database.Command("AddGuardrailCounts", c);
            command.Parameters.Workspace(workspace)
                .Text("journey", journey)
                .Time("bucket", bucketStart)
                .Bigint("sends", tally.Sends)
                .Bigint("complaints", tally.Complaints)
                .Bigint("unsubscribes", tally.Unsubscribes);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<GuardrailTally> SumAsync(WorkspaceId workspace, string journey, Instant after, Instant until, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journey, nameof(journey));
        return database.RunAsync(async c =>
        {
            await using var command = database.Command("SumGuardrailCounts", c);
            command.Parameters.Workspace(workspace).Text("journey", journey).Time("after", after).Time("until", until);
            var sums = await command.ReadAllAsync(
                r => new GuardrailTally(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken).ConfigureAwait(false);
            return sums[0];
        }, cancellationToken);
    }

    public Task<int> PruneAsync(Instant before, CancellationToken cancellationToken = default) =>
        database.RunAsync(async c =>
        {
            await using var command = database.Command("PruneGuardrailCounts", c);
            command.Parameters.Time("before", before);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
}
