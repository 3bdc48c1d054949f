using System.Globalization;
using NodaTime;
using Trellis.Server.Processing;
using Trellis.Bench.Server;
using Trellis.Storage;
using Trellis.Storage.Postgres;
using Trellis.Storage.Sqlite;

namespace Trellis.Bench.Delivery;

/// <summary>
/// A temp store for the delivery benchmark — a SQLite file, or a fresh PostgreSQL schema dropped afterwards when
/// <see cref="Postgres"/> is set — and the engine's write path for sends: persons with one new event each are
/// claimed in batches, a send is composed for each, and state, processed events and outbox entries are committed
/// in one transaction per batch — exactly what the engine worker does after deciding.
/// </summary>
internal sealed class DeliveryBenchStore : IAsyncDisposable
{
    public static readonly WorkspaceId Workspace = new("bench");
    // As EngineWorker.BatchSize: the benchmark claims what the engine worker claims per turn.
    private const int ClaimBatch = 2048;

    private readonly string _folder;
    private readonly string? _schema;

    private DeliveryBenchStore(string folder, ITrellisStore store, string? schema)
    {
        _folder = folder;
        Store = store;
        _schema = schema;
    }

    /// <summary>
    /// The PostgreSQL connection string of <c>--backend postgres</c>, or null for SQLite. Set once, before any
    /// measurement: every store of the run is then a fresh schema in that database.
    /// </summary>
    public static string? Postgres { get; set; }

    public static string BackendName => Postgres is null ? "sqlite" : "postgres";

    /// <summary>
    /// CPU seconds of this process plus, on PostgreSQL, of the local <c>postgres</c> processes: a measurement takes
    /// their difference, so a send's cost on PostgreSQL counts the database server's share too.
    /// </summary>
    public static double TrellisCpuSeconds() => CpuMeter.ProcessSeconds() + (Postgres is null ? 0 : CpuMeter.PostgresSeconds());

    public ITrellisStore Store { get; }

    public string Folder => _folder;

    public static async Task<DeliveryBenchStore> CreateAsync(int people)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"trellis-bench-delivery-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string? schema = null;
        ITrellisStore store;
        if (Postgres is null)
        {
            store = await SqliteTrellisStore.OpenAsync(new SqliteStoreOptions { FilePath = Path.Combine(folder, "trellis.db") });
        }
        else
        {
            schema = BenchSchema.NewName("bench_delivery");
            store = await PostgresTrellisStore.OpenAsync(new PostgresStoreOptions { ConnectionString = Postgres, Schema = schema });
        }

        var now = SystemClock.Instance.GetCurrentInstant();
        await store.Workspaces.CreateAsync(new WorkspaceRecord(Workspace, "Bench", Sha256Hex.Of("w"), Sha256Hex.Of("s"), now, now));
        for (var from = 0; from < people; from += 1000)
        {
            var batch = Enumerable.Range(from, Math.Min(1000, people - from)).Select(i => Event(i, now)).ToList();
            await store.Events.AppendAsync(Workspace, batch);
        }

        return new DeliveryBenchStore(folder, store, schema);
    }

    /// <summary>
    /// Claims every waiting person, composes one email each and commits state + outbox; returns how many were
    /// queued. Without a composer it commits the state alone: the engine's cost of a batch, without the send.
    /// See <see cref="EnqueueMode"/> for how batches are composed and committed.
    /// </summary>
    public async Task<int> ComposeAndEnqueueAllAsync(SendComposer? composer, WorkspaceRuntime runtime, EnqueueMode mode = EnqueueMode.OneThread)
    {
        var queued = 0;
        var state = new byte[64];
        (IWorkUnit Unit, PersonChanges[] Changes)? ready = null;
        try
        {
            while (true)
            {
                var now = SystemClock.Instance.GetCurrentInstant();
                var unit = await Store.Work.ClaimAsync(now, ClaimBatch);
                if (unit.Persons.Count == 0)
                {
                    await unit.DisposeAsync();
                    if (ready is { } last)
                    {
                        ready = null;
                        queued += await CommitAsync(last.Unit, last.Changes);
                    }

                    return queued;
                }

                if (mode != EnqueueMode.Pipelined)
                {
                    // Recorded here, on the commit's path, as the engine worker did before it recorded while deciding.
                    var changes = Compose(unit.Persons, composer, runtime, state, now, parallel: mode == EnqueueMode.AllCores);
                    queued += await CommitAsync(unit, Record(unit, changes));
                    continue;
                }

                // As EngineWorker.StepAsync: decide (and record) the new batch while the previous one commits.
                var composing = Task.Run(() => Record(unit, Compose(unit.Persons, composer, runtime, state, now, parallel: true)));
                if (ready is { } previous)
                {
                    ready = null;
                    queued += await CommitAsync(previous.Unit, previous.Changes);
                }

                ready = (unit, await composing);
            }
        }
        finally
        {
            if (ready is { } abandoned)
            {
                await abandoned.Unit.DisposeAsync();
            }
        }
    }

    /// <summary>As EngineWorker: the pipelined mode records in the deciding task, off the commit's path.</summary>
    private static PersonChanges[] Record(IWorkUnit unit, PersonChanges[] changes)
    {
        foreach (var change in changes)
        {
            unit.Record(change);
        }

        return changes;
    }

    private static PersonChanges[] Compose(IReadOnlyList<ClaimedPerson> persons, SendComposer? composer, WorkspaceRuntime runtime, byte[] state, Instant now, bool parallel)
    {
        var changes = new PersonChanges[persons.Count];
        if (parallel && persons.Count >= EngineWorker.ParallelThreshold && Environment.ProcessorCount > 1)
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

        return changes;
    }

    /// <summary>Commits a unit whose changes are already recorded; disposes it either way.</summary>
    private static async Task<int> CommitAsync(IWorkUnit unit, PersonChanges[] changes)
    {
        await using (unit)
        {
            await unit.CommitAsync();
            return changes.Length;
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
        if (_schema is not null)
        {
            await BenchSchema.DropAsync(Postgres!, _schema);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
