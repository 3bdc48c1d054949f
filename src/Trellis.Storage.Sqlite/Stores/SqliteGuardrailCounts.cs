using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

internal sealed class SqliteGuardrailCounts(SqliteDatabase database) : IGuardrailCounts
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

        return database.WriteAsync(s => s.Command("AddGuardrailCounts")
            .Bind("$ws", workspace)
            .Bind("$journey", journey)
            .Bind("$bucket", bucketStart)
            .Bind("$sends", tally.Sends)
            .Bind("$complaints", tally.Complaints)
            .Bind("$unsubscribes", tally.Unsubscribes)
            .ExecuteNonQuery(), cancellationToken);
    }

    public Task<GuardrailTally> SumAsync(WorkspaceId workspace, string journey, Instant after, Instant until, CancellationToken cancellationToken = default)
    {
        Arguments.RequireWorkspace(workspace);
        Arguments.RequireId(journey, nameof(journey));
        return database.ReadAsync(s => s.Command("SumGuardrailCounts")
            .Bind("$ws", workspace)
            .Bind("$journey", journey)
            .Bind("$after", after)
            .Bind("$until", until)
            .ReadAll(r => new GuardrailTally(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)))[0], cancellationToken);
    }

    public Task<int> PruneAsync(Instant before, CancellationToken cancellationToken = default) =>
        database.WriteAsync(s => s.Command("PruneGuardrailCounts").Bind("$before", before).ExecuteNonQuery(), cancellationToken);
}
