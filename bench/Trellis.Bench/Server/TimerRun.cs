namespace Trellis.Bench.Server;

/// <summary>The figures of one timers run (seconds).</summary>
internal sealed record TimerRun(double SeedSeconds, double LastAfterMinute, double LagP50, double LagP99, double LagMax, double FiredPerSecond, long Fired);
