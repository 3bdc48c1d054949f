using Npgsql;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Claiming on PostgreSQL: a unit of work is an open transaction that holds the claimed persons' rows
/// (FOR UPDATE SKIP LOCKED), so any number of processes share the work and each person is handled by one
/// at a time. Two round trips: lock the persons, then one batch loads their events, consent and suppressions.
/// </summary>
internal sealed class PostgresWorkQueue(PostgresDatabase database) : IWorkQueue
{
    public async Task<IWorkUnit> ClaimAsync(Instant now, int max, CancellationToken cancellationToken = default)
    {
        Arguments.RequirePositive(max, nameof(max));
        var (connection, transaction) = await database.BeginAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var persons = await ClaimAsync(connection, transaction, now, max, cancellationToken).ConfigureAwait(false);
            if (persons.Count > 0)
            {
                return new PostgresWorkUnit(database, connection, transaction, persons, now);
            }
        }
        catch (NpgsqlException exception)
        {
            await CloseAsync(connection, transaction).ConfigureAwait(false);
            throw PostgresErrors.Translate(exception);
        }
        catch
        {
            await CloseAsync(connection, transaction).ConfigureAwait(false);
            throw;
        }

        await CloseAsync(connection, transaction).ConfigureAwait(false);
        return EmptyWorkUnit.Instance;
    }

    public Task<Instant?> EarliestWakeAsync(CancellationToken cancellationToken = default) =>
        database.RunAsync(async c =>
        {
            await using var command = database.Command("EarliestWake", c);
            return await command.ScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime at ? PostgresTime.FromStored(at) : (Instant?)null;
        }, cancellationToken);

    private async Task<List<ClaimedPerson>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Instant now, int max, CancellationToken cancellationToken)
    {
        List<ClaimedRow> rows;
        await using (var claim = database.Command("ClaimPersons", connection, transaction))
        {
            claim.Parameters.Time("now", now).Integer("max", max);
            rows = await claim.ReadAllAsync(ClaimedRow.Read, cancellationToken).ConfigureAwait(false);
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var addresses = rows
            .SelectMany(r => TraitsJson.ContactAddresses(r.Traits).Select(a => (r.Workspace, a.Channel, a.Address)))
            .Distinct()
            .ToList();
        var events = new Dictionary<(string, string), List<StoredEvent>>();
        var consent = new Dictionary<(string Workspace, string Person), Dictionary<string, ConsentRecord>>();
        var suppressions = new Dictionary<(string, string, string), Suppression>();
        await using (var load = new NpgsqlBatch(connection, transaction))
        {
            load.Add(database, "PendingEventsOf")
                .TextArray("ws_ids", rows.Select(r => r.Workspace.Value))
                .TextArray("person_ids", rows.Select(r => r.PersonId))
                .BigintArray("after_seqs", rows.Select(r => r.ProcessedThrough));
            load.Add(database, "ConsentsOf")
                .TextArray("ws_ids", rows.Select(r => r.Workspace.Value))
                .TextArray("person_ids", rows.Select(r => r.PersonId));
            load.Add(database, "SuppressionsOf")
                .TextArray("ws_ids", addresses.Select(a => a.Workspace.Value))
                .TextArray("channels", addresses.Select(a => a.Channel))
                .TextArray("addresses", addresses.Select(a => a.Address));
            await using var reader = await load.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(2));
                if (!events.TryGetValue(key, out var own))
                {
                    own = [];
                    events.Add(key, own);
                }

                own.Add(PostgresRows.Event(reader, new WorkspaceId(key.Item1), first: 1));
            }

            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            await PostgresConsentLoader.ReadAsync(reader, consent, cancellationToken).ConfigureAwait(false);
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var suppression = PostgresRows.Suppression(reader, first: 1);
                suppressions[(reader.GetString(0), suppression.Channel, suppression.Address)] = suppression;
            }
        }

        return rows.Select(r => new ClaimedPerson(
            r.Workspace,
            r.PersonId,
            r.State,
            r.Version,
            r.NextWakeAt,
            r.ProcessedThrough,
            new ProfileRow(r.PersonId, r.Traits, r.CreatedAt, r.UpdatedAt).ToProfile(r.Workspace, consent),
            events.TryGetValue((r.Workspace.Value, r.PersonId), out var own) ? own : [],
            TraitsJson.ContactAddresses(r.Traits)
                .Select(a => suppressions.GetValueOrDefault((r.Workspace.Value, a.Channel, a.Address)))
                .OfType<Suppression>()
                .ToList())).ToList();
    }

    private static async Task CloseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
