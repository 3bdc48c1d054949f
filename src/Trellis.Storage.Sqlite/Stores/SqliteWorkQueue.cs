using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Claiming on SQLite: the unit of work IS the process's write transaction (BEGIN IMMEDIATE), so nobody else
/// can touch the claimed persons until it ends; appends wait for it. Keep units short (one batch of persons).
/// </summary>
internal sealed class SqliteWorkQueue(SqliteDatabase database) : IWorkQueue
{
    public async Task<IWorkUnit> ClaimAsync(Instant now, int max, CancellationToken cancellationToken = default)
    {
        Arguments.RequirePositive(max, nameof(max));
        var session = await database.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var persons = Claim(session, now, max);
            if (persons.Count == 0)
            {
                session.Dispose();
                return EmptyWorkUnit.Instance;
            }

            return new SqliteWorkUnit(session, persons, now);
        }
        catch (SqliteException exception)
        {
            session.Dispose();
            throw SqliteErrors.Translate(exception);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public Task<Instant?> EarliestWakeAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(s => s.Command("EarliestWake").Scalar() is long at ? SqliteTime.FromStored(at) : (Instant?)null, cancellationToken);

    private static List<ClaimedPerson> Claim(ISqliteSession session, Instant now, int max)
    {
        var rows = session.Command("ClaimPersons")
            .Bind("$now", now)
            .Bind("$max", max)
            .ReadAll(r => new
            {
                Workspace = new WorkspaceId(r.GetString(0)),
                PersonId = r.GetString(1),
                State = r.GetNullableBytes(2),
                Version = r.GetInt64(3),
                NextWakeAt = r.GetNullableInstant(4),
                ProcessedThrough = r.GetInt64(5),
                Traits = r.GetString(6),
                CreatedAt = r.GetInstant(7),
                UpdatedAt = r.GetInstant(8),
            });

        return rows.Select(row => new ClaimedPerson(
            row.Workspace,
            row.PersonId,
            row.State,
            row.Version,
            row.NextWakeAt,
            row.ProcessedThrough,
            SqliteProfiles.Build(session, row.Workspace, row.PersonId, row.Traits, row.CreatedAt, row.UpdatedAt),
            PendingEvents(session, row.Workspace, row.PersonId, row.ProcessedThrough),
            Suppressions(session, row.Workspace, row.Traits))).ToList();
    }

    private static List<StoredEvent> PendingEvents(ISqliteSession session, WorkspaceId workspace, string personId, long processedThrough) =>
        session.Command("PendingEvents")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .Bind("$after", processedThrough)
            .ReadAll(r => SqliteRows.Event(r, workspace));

    private static List<Suppression> Suppressions(ISqliteSession session, WorkspaceId workspace, string traits)
    {
        var found = new List<Suppression>();
        foreach (var (channel, address) in TraitsJson.ContactAddresses(traits))
        {
            var suppression = session.Command("SuppressionOfAddress")
                .Bind("$ws", workspace)
                .Bind("$channel", channel)
                .Bind("$address", address)
                .ReadFirstOrDefault(SqliteRows.Suppression);
            if (suppression is not null)
            {
                found.Add(suppression);
            }
        }

        return found;
    }
}
