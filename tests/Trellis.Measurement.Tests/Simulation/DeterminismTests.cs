using Trellis.Measurement.Simulation.Reporting;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Simulation;

/// <summary>Same seed, same bytes (JSON and HTML), whatever the thread count; another seed, another report.</summary>
public class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_byte_identical_reports()
    {
        var a = TestContent.Simulate(600, 21, seed: 5);
        var b = TestContent.Simulate(600, 21, seed: 5);
        Assert.Equal(SimulationReportWriter.Render(a, html: false), SimulationReportWriter.Render(b, html: false));
        Assert.Equal(SimulationReportWriter.Render(a, html: true), SimulationReportWriter.Render(b, html: true));
    }

    [Fact]
    public void The_thread_count_does_not_change_the_report()
    {
        var one = SimulationReportWriter.Render(TestContent.Simulate(500, 21, seed: 9, threads: 1), html: false);
        var three = SimulationReportWriter.Render(TestContent.Simulate(500, 21, seed: 9, threads: 3), html: false);
        Assert.Equal(one, three);
    }

    [Fact]
    public void Another_seed_gives_another_report()
    {
        var a = SimulationReportWriter.Render(TestContent.Simulate(400, 14, seed: 1), html: false);
        var b = SimulationReportWriter.Render(TestContent.Simulate(400, 14, seed: 2), html: false);
        Assert.NotEqual(a, b);
    }
}
