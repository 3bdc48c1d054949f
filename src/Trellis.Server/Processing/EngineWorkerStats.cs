namespace Trellis.Server.Processing;

/// <summary>Counters of the engine worker, read by /metrics.</summary>
public sealed class EngineWorkerStats
{
    private long _batches;
    private long _persons;
    private long _events;
    private long _sends;
    private long _failures;
    private long _superseded;

    public long Batches => Interlocked.Read(ref _batches);

    public long Persons => Interlocked.Read(ref _persons);

    public long Events => Interlocked.Read(ref _events);

    public long Sends => Interlocked.Read(ref _sends);

    public long Failures => Interlocked.Read(ref _failures);

    public long Superseded => Interlocked.Read(ref _superseded);

    /// <summary>From an event's arrival at ingestion to the commit of the engine's decision on it, per event.</summary>
    public LatencyHistogram EventDelay { get; } = new();

    /// <summary>From a due wait's time to the commit of the engine's decision that fired it, per person.</summary>
    public LatencyHistogram TimerLag { get; } = new();

    /// <summary>
    /// True while the engine has a backlog: its last claim came back full. Background work that competes with
    /// it for the database (the dashboard's start-up recount) holds back meanwhile.
    /// </summary>
    public bool Backlogged { get; private set; }

    public void Claimed(int persons, int batchSize) => Backlogged = persons >= batchSize;

    public void Batch(int persons, int events, int sends, int superseded = 0)
    {
        Interlocked.Add(ref _superseded, superseded);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _persons, persons);
        Interlocked.Add(ref _events, events);
        Interlocked.Add(ref _sends, sends);
    }

    public void Failure() => Interlocked.Increment(ref _failures);
}
