using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Running;
using Trellis.Measurement.Tests.Support;

namespace Trellis.Measurement.Tests.Simulation;

/// <summary>The synthetic population reaches the engine the way real profiles and events do.</summary>
public class PopulationSemanticsTests
{
    [Fact]
    public void Profiles_arriving_after_start_events_still_arm_date_triggers()
    {
        // Every subscriber uses the app at the start, before the profile arrives; renewal dates fall inside the run,
        // so renewal-readiness (21 days before at 09:00) must see every subscriber whose moment is still ahead.
        var model = BehaviorReader.Read("""
            personas:
              - name: subscriber
                traits:
                  status: active
                  renewal_date: {date: [25d, 40d]}
                events:
                  app_used: {rate: 0.5, at_start: 1}
            """, "semantics.yaml");
        var report = Simulator.Run(TestContent.Workspace(), model, new SimulationOptions { People = 200, Days = 30, Seed = 3, Threads = 2 });
        var renewal = report.Journeys.Single(j => j.Journey == "renewal-readiness");
        Assert.Equal(200, renewal.Entrants);
    }

    [Fact]
    public void Once_events_happen_at_most_once_per_person()
    {
        var model = BehaviorReader.Read("""
            personas:
              - name: trialist
                events:
                  signup_completed: {rate: 5, once: true}
            """, "once.yaml");
        var report = Simulator.Run(TestContent.Workspace(), model, new SimulationOptions { People = 300, Days = 10, Seed = 8, Threads = 2 });
        Assert.Equal(300, report.Events["signup_completed"]);
        Assert.Equal(300, report.Journeys.Single(j => j.Journey == "activation-assist").Entrants);
    }
}
