using Trellis.Core.Engine;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Engine.State;
using Trellis.Runtime.Running;

namespace Trellis.Runtime.Scenarios;

/// <summary>
/// Runs a scenario on a virtual clock: profiles are identified at the start, inputs are delivered at their
/// offsets (inputs at the same offset in file order), and time runs to start + run_for inclusive.
/// </summary>
public static class ScenarioRunner
{
    public static IReadOnlyList<Effect> Run(ScenarioScript script, Action<Effect>? sink = null, Func<PersonState, CompiledWorkspace, PersonState>? afterTurn = null)
    {
        var effects = new List<Effect>();
        var workspace = new CompiledWorkspace(script.Workspace);
        var engine = new JourneyEngine(workspace);
        var runner = new PopulationRunner(engine, script.Start)
        {
            AfterTurn = afterTurn is null ? null : p => afterTurn(p, workspace),
            OnEffect = e =>
            {
                effects.Add(e);
                sink?.Invoke(e);
            },
        };

        foreach (var profile in script.Profiles)
        {
            runner.Deliver(profile.Id, new IdentifyInput(profile.Traits), script.Start);
        }

        // A stable sort: same-offset inputs keep their order in the file.
        foreach (var input in script.Inputs.OrderBy(i => i.Offset))
        {
            runner.Deliver(input.User, input.Input, script.Start + input.Offset);
        }

        runner.AdvanceTo(script.Start + script.RunFor);
        return effects;
    }
}
