namespace Trellis.Bench.Server;

/// <summary>The figures of one ingest run (rates in events/s, latencies in ms, CPU as cores busy on average over the window).</summary>
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
    double PostgresCores);
