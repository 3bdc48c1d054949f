using Trellis.Content;
using Trellis.Core.Journeys;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Reporting;
using Trellis.Measurement.Simulation.Running;

namespace Trellis.Measurement.Tests.Support;

/// <summary>The test copy of the example workspace (Content/), and small simulations over it.</summary>
internal static class TestContent
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Content");

    public static Workspace Workspace()
    {
        var content = ContentLoader.Load(Folder);
        Assert.True(content.IsValid, string.Join("\n", content.Diagnostics));
        return content.ToWorkspace();
    }

    public static SimulationReport Simulate(int people, int days, ulong seed, int threads = 2, Action<Core.Engine.Effects.Effect>? trace = null) =>
        Simulator.Run(Workspace(), BehaviorReader.Default(), new SimulationOptions
        {
            People = people,
            Days = days,
            Seed = seed,
            Threads = threads,
            Trace = trace,
        });
}
