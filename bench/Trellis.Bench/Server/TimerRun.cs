namespace Trellis.Bench.Server;

/// <summary>The figures of one timers run (seconds; CPU of the bench process and local postgres per firing, in µs).</summary>
internal sealed record TimerRun(
    double SeedSeconds,
    double LastAfterMinute,
    double LagP50,
    double LagP99,
    double LagMax,
    double FiredPerSecond,
    long Fired,
    double CpuMicrosPerFiring,
    GcCounts Gc);
