namespace Trellis.Bench.Server;

/// <summary>
/// The figures of one timers run (seconds; CPU of the bench process and local postgres per firing, in µs). ServerLagP99
/// and ServerLagMax: the server's own <c>trellis_engine_timer_lag_seconds</c> (due time to the engine's commit, 1 ms
/// buckets below 1 s, 100 ms to 60 s, infinity beyond).
/// </summary>
internal sealed record TimerRun(
    double SeedSeconds,
    double LastAfterMinute,
    double LagP50,
    double LagP99,
    double LagMax,
    double FiredPerSecond,
    long Fired,
    double CpuMicrosPerFiring,
    GcCounts Gc,
    double? ServerLagP99,
    double? ServerLagMax);
