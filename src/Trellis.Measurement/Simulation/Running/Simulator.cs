using Trellis.Core.Engine;
using Trellis.Core.Journeys;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Reporting;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// Runs a workspace over a synthetic population: partitions of people in parallel, each on its own
/// PopulationRunner over one shared engine (thread-safe for different people), merged in partition order at the
/// end. Same model, options and seed give the same report, whatever the thread count.
/// </summary>
public static class Simulator
{
    public static SimulationReport Run(Workspace workspace, BehaviorModel model, SimulationOptions options, Action<SimulationProgress>? progress = null) =>
        Run(workspace, model, options, progress, out _);

    /// <param name="inputs">How many inputs the engine handled (events, profiles and feedback), for throughput figures.</param>
    public static SimulationReport Run(Workspace workspace, BehaviorModel model, SimulationOptions options, Action<SimulationProgress>? progress, out long inputs)
    {
        if (options.People < 0 || options.Days < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "people and days cannot be negative");
        }

        var plan = SimulationPlan.Build(model, workspace);
        var engine = new JourneyEngine(new CompiledWorkspace(workspace));
        var threads = Math.Clamp(options.Threads, 1, Math.Max(1, options.People));
        var partitions = new PartitionSimulation[threads];
        for (var i = 0; i < threads; i++)
        {
            partitions[i] = new PartitionSimulation(plan, engine, options, i, threads);
        }

        var tasks = partitions.Select(p => Task.Factory.StartNew(p.Run, TaskCreationOptions.LongRunning)).ToArray();
        while (!Task.WaitAll(tasks, TimeSpan.FromMilliseconds(250)))
        {
            progress?.Invoke(new SimulationProgress(partitions.Min(p => p.ProgressSeconds) / 86400.0, options.Days));
        }

        progress?.Invoke(new SimulationProgress(options.Days, options.Days));
        var report = partitions[0].Report;
        var tally = partitions[0].Tally;
        for (var i = 1; i < threads; i++)
        {
            report.Merge(partitions[i].Report);
            tally.Merge(partitions[i].Tally);
        }

        inputs = partitions.Sum(p => p.Inputs);
        return SimulationReportFactory.Create(plan, options, report, tally);
    }
}
