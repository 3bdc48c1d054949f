namespace Trellis.Bench.Server;

/// <summary>
/// The figures of one ingest run (rates in events/s, latencies in ms, CPU as cores busy on average over the window).
/// CommitP50/P99: the server's own <c>trellis_engine_event_delay_seconds</c> for the events committed in the window,
/// from arrival at ingestion to the engine's commit (1 ms buckets).
/// </summary>
internal sealed record IngestRun(
    double AcceptedPerSecond,
    double EnginePerSecond,
    double DrainSeconds,
    long Backlog,
    double RequestP99,
    double SeenP50,
    double SeenP99,
    double CreatedP50,
    double CreatedP99,
    int LatencySamples,
    double ProcessCores,
    double PostgresCores,
    double? CommitP50,
    double? CommitP99);
