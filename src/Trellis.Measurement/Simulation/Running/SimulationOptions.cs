namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// What to simulate: how many people, for how many days, from which seed. <see cref="Threads"/> only changes
/// speed: people are split into that many partitions, and every person draws from their own seeded generator, so
/// the report is the same for any thread count.
/// </summary>
public sealed record SimulationOptions
{
    public required int People { get; init; }

    public required int Days { get; init; }

    public required ulong Seed { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Sees every effect (trace line) as the engine makes it. Called from the partitions' threads: with more than one
    /// thread it must be thread-safe, and lines of different people interleave in no fixed order.
    /// </summary>
    public Action<Core.Engine.Effects.Effect>? Trace { get; init; }

    /// <summary>The absolute lift the verdicts' sample sizes are for (0.02 = 2 points).</summary>
    public double MinimumDetectableLift { get; init; } = Statistics.LiftAnalysis.DefaultMinimumDetectableLift;
}
