using Trellis.Content.Scenarios;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Values;

namespace Trellis.Runtime.Scenarios;

/// <summary>Turns a loaded scenario file into the inputs the runner delivers.</summary>
public static class ScenarioScripts
{
    public static ScenarioScript From(ScenarioDefinition scenario) => new(
        scenario.Name,
        scenario.Workspace,
        scenario.Start,
        scenario.RunFor,
        scenario.Profiles.Select(p => new ScriptedProfile(p.Id, p.Traits)).ToArray(),
        scenario.Inputs.Select(ToInput).ToArray());

    private static ScriptedInput ToInput(ScenarioInput input) => input switch
    {
        ScenarioEventInput e => new ScriptedInput(e.Offset, e.User, new TrackInput(e.Name, Value.Map(e.Properties))),
        ScenarioIdentifyInput i => new ScriptedInput(i.Offset, i.User, new IdentifyInput(i.Traits)),
        _ => throw new NotSupportedException($"{input.Location}: scenario input {input.GetType().Name} is not supported yet"),
    };
}
