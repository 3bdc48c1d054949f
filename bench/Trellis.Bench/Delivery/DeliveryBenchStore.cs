using System.Globalization;
using NodaTime;
using Trellis.Server.Processing;
using Trellis.Storage;
using Trellis.Storage.Sqlite;

namespace Trellis.Bench.Delivery;

/// <summary>
/// A temp SQLite store for the delivery benchmark, and the engine's write path for sends: persons with one new
/// event each are claimed in batches, a send is composed for each, and state, processed events and outbox entries
/// are committed in one transaction per batch — exactly what the engine worker does after deciding.
/// </summary>
internal sealed class DeliveryBenchStore : IAsyncDisposable
{
    public static readonly WorkspaceId Workspace = new("bench");
    // As EngineWorker.BatchSize: the benchmark claims what the engine worker claims per turn.
    private const int ClaimBatch = 2048;

    private readonly string _folder;

    private DeliveryBenchStore(string folder, ITrellisStore store)
    {
        _folder = folder;
        Store = store;
    }

    public ITrellisStore Store { get; }

    public string Folder => _folder;

    public static async Task<DeliveryBenchStore> CreateAsync(int people)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"trellis-bench-delivery-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = Path.Combine(folder, "trellis.db") });
        var now = SystemClock.Instance.GetCurrentInstant();
        await store.Workspaces.CreateAsync(new WorkspaceRecord(Workspace, "Bench", Sha256Hex.Of("w"), Sha256Hex.Of("s"), now, now));
        for (var from = 0; from < people; from += 1000)
        {
            var batch = Enumerable.Range(from, Math.Min(1000, people - from)).Select(i => Event(i, now)).ToList();
            await store.Events.AppendAsync(Workspace, batch);
        }

        return new DeliveryBenchStore(folder, store);
    }

    /// <summary>
    /// Claims every waiting person, composes one email each and commits state + outbox; returns how many were
    /// queued. Without a composer it commits the state alone: the engine's cost of a batch, without the send.
    /// <paramref name="allCores"/> composes a batch as <c>EngineWorker</c> runs one (on every core, results
    /// recorded in claim order); without it everything runs on this thread.
    /// </summary>
    public async Task<int> ComposeAndEnqueueAllAsync(SendComposer? composer, WorkspaceRuntime runtime, bool allCores = false)
    {
        var queued = 0;
        var state = new byte[64];
        while (true)
        {
            var now = SystemClock.Instance.GetCurrentInstant();
            await using var unit = await Store.Work.ClaimAsync(now, ClaimBatch);
            var persons = unit.Persons;
            if (persons.Count == 0)
            {
                return queued;
            }

            var changes = new PersonChanges[persons.Count];
            if (allCores && persons.Count >= EngineWorker.ParallelThreshold && Environment.ProcessorCount > 1)
            {
                Parallel.For(0, persons.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    i => changes[i] = Changes(persons[i], composer, runtime, state, now));
            }
            else
            {
                for (var i = 0; i < persons.Count; i++)
                {
                    changes[i] = Changes(persons[i], composer, runtime, state, now);
                }
            }

            foreach (var change in changes)
            {
                unit.Record(change);
            }

            await unit.CommitAsync();
            queued += persons.Count;
        }
    }

    private static PersonChanges Changes(ClaimedPerson claimed, SendComposer? composer, WorkspaceRuntime runtime, byte[] state, Instant now)
    {
        var changes = new PersonChanges
        {
            Workspace = claimed.Workspace,
            PersonId = claimed.PersonId,
            State = state,
            ProcessedThrough = claimed.Events[^1].Sequence,
        };
        if (composer is null)
        {
            return changes;
        }

        var person = SendDecisions.Person(int.Parse(claimed.PersonId.AsSpan("person-".Length), CultureInfo.InvariantCulture));
        var send = SendDecisions.Send(person, now);
        var payload = composer.Compose(Workspace.Value, runtime, person, send);
        var key = new SendKey(person.Id, $"{send.Journey}#{send.Instance}", send.Step!, now.ToUnixTimeMilliseconds());
        return changes with { Outbox = [new OutboxMessage(key, payload.Channel, OutboxPayloadJson.Serialize(payload), now)] };
    }

    private static IncomingEvent Event(int i, Instant now)
    {
        var id = "person-" + i.ToString(CultureInfo.InvariantCulture);
        return new IncomingEvent
        {
            MessageId = "m-" + id,
            Kind = EventKind.Track,
            UserId = id,
            EventName = "news_requested",
            PayloadJson = $"{{\"type\":\"track\",\"event\":\"news_requested\",\"userId\":\"{id}\",\"properties\":{{\"count\":12}}}}",
            Timestamp = now,
            ReceivedAt = now,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
