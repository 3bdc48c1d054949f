using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Claiming on SQLite: the claim reads on its own kept reader connection and holds the claimed persons in this
/// process's <see cref="SqliteClaimRegistry"/>, not in an open write transaction. The engine then runs while
/// ingestion (and the commit of the previous batch) write; the unit's commit takes the write transaction only
/// to write, and writes nobody whose row changed since the claim (see <see cref="SqliteWorkUnit"/>).
/// </summary>
internal sealed class SqliteWorkQueue(SqliteDatabase database) : IWorkQueue
{
    private static readonly IReadOnlyDictionary<string, ConsentRecord> NoConsent = new Dictionary<string, ConsentRecord>(StringComparer.Ordinal);

    public async Task<IWorkUnit> ClaimAsync(Instant now, int max, CancellationToken cancellationToken = default)
    {
        Arguments.RequirePositive(max, nameof(max));
        var claims = database.Claims;
        claims.EnsureProcessLock();
        await claims.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var persons = database.ReadForClaim(s => Claim(s, now, max, claims));
            if (persons.Count == 0)
            {
                return EmptyWorkUnit.Instance;
            }

            claims.Hold(persons);
            return new SqliteWorkUnit(database, persons, now);
        }
        finally
        {
            claims.Turn.Release();
        }
    }

    public Task<Instant?> EarliestWakeAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(s => s.Command("EarliestWake").Scalar() is long at ? SqliteTime.FromStored(at) : (Instant?)null, cancellationToken);

    private static List<ClaimedPerson> Claim(ISqliteSession session, Instant now, int max, SqliteClaimRegistry claims)
    {
        // Persons held by this process's other open units are still pending in the file: read past their ids.
        var chosen = session.Command("ClaimCandidates")
            .Bind("$now", now)
            .Bind("$max", max + claims.HeldCount)
            .ReadAll(r => (RowId: r.GetInt64(0), Workspace: new WorkspaceId(r.GetString(1)), PersonId: r.GetString(2)))
            .Where(c => !claims.IsHeld(c.Workspace, c.PersonId))
            .Take(max)
            .Select(c => c.RowId)
            .ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var rows = session.Command("ClaimedRows")
            .Bind("$rowids", "[" + string.Join(',', chosen) + "]")
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

        if (rows.Count == 0)
        {
            return [];
        }

        // Events and consent of the whole claim in two statements, not two per person.
        var claimed = ClaimedJson(rows.Select(r => (r.Workspace, r.PersonId, r.ProcessedThrough)));
        var events = new Dictionary<(string, string), List<StoredEvent>>();
        foreach (var e in session.Command("PendingEventsOf").Bind("$claimed", claimed).ReadAll(r => SqliteRows.Event(r, new WorkspaceId(r.GetString(8)))))
        {
            var key = (e.Workspace.Value, e.PersonId);
            if (!events.TryGetValue(key, out var list))
            {
                events[key] = list = [];
            }

            list.Add(e);
        }

        var consents = new Dictionary<(string, string), Dictionary<string, ConsentRecord>>();
        foreach (var (ws, person, consent) in session.Command("ConsentsOf").Bind("$claimed", claimed)
                     .ReadAll(r => (r.GetString(4), r.GetString(5), SqliteRows.Consent(r))))
        {
            if (!consents.TryGetValue((ws, person), out var topics))
            {
                consents[(ws, person)] = topics = new Dictionary<string, ConsentRecord>(StringComparer.Ordinal);
            }

            topics[consent.Topic] = consent;
        }

        return rows.Select(row => new ClaimedPerson(
            row.Workspace,
            row.PersonId,
            row.State,
            row.Version,
            row.NextWakeAt,
            row.ProcessedThrough,
            new PersonProfile(
                row.Workspace,
                row.PersonId,
                row.Traits,
                consents.TryGetValue((row.Workspace.Value, row.PersonId), out var topics) ? topics : NoConsent,
                row.CreatedAt,
                row.UpdatedAt),
            events.TryGetValue((row.Workspace.Value, row.PersonId), out var pending) ? pending : [],
            Suppressions(session, row.Workspace, row.Traits))).ToList();
    }

    /// <summary>[[workspace, person, processed_seq], …] for the set statements of work.sql.</summary>
    private static string ClaimedJson(IEnumerable<(WorkspaceId Workspace, string PersonId, long ProcessedThrough)> persons)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var (workspace, personId, processedThrough) in persons)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(workspace.Value);
                writer.WriteStringValue(personId);
                writer.WriteNumberValue(processedThrough);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

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
