using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary>
/// Reads <c>events:</c> — each item has <c>at</c> (offset from start), <c>user</c>, and exactly one kind:
/// <c>event</c> (+ <c>properties</c>) or <c>identify</c>. A new kind is one more entry in <see cref="Kinds"/>.
/// </summary>
internal sealed class ScenarioInputReader(FileReaders readers)
{
    private static readonly string[] Kinds = ["event", "identify"];
    private static readonly string[] Fields = ["at", "user", "event", "properties", "identify"];

    public IReadOnlyList<ScenarioInput> Read(YamlNode node)
    {
        var inputs = new List<ScenarioInput>();
        if (readers.Nodes.List(node, "events") is not { } list)
        {
            return inputs;
        }

        foreach (var item in list.Items)
        {
            if (readers.Nodes.Mapping(item, "an event") is { } map && ReadInput(map) is { } input)
            {
                inputs.Add(input);
            }
        }

        return inputs;
    }

    private ScenarioInput? ReadInput(YamlMapping map)
    {
        readers.Nodes.CheckFields(map, "events item", Fields);
        var atNode = readers.Nodes.Required(map, "at", "an events item");
        var userNode = readers.Nodes.Required(map, "user", "an events item");
        var at = atNode is null ? null : readers.Times.NonNegativeDuration(atNode, "at");
        var user = userNode is null ? null : readers.Nodes.Text(userNode, "user");
        var kinds = map.Entries.Where(e => Kinds.Contains(e.Name)).ToList();
        if (kinds.Count != 1)
        {
            var line = kinds.Count == 0 ? map.Line : kinds[1].Key.Line;
            readers.Report(line, "an events item needs exactly one of 'event' (something the person does) or 'identify' (a profile change)");
            return null;
        }

        if (kinds[0].Name == "identify" && map.Find("properties") is { } properties)
        {
            readers.Report(properties.Key.Line, "'properties' goes with 'event'; an identify carries its traits itself");
        }

        var location = readers.Diagnostics.At(map.Line);
        if (kinds[0].Name == "event")
        {
            var name = readers.Nodes.Text(kinds[0].Value, "event");
            var props = map.Get("properties") is { } p ? Data(p, "properties") : new Dictionary<string, Value>();
            return at is { } a && user is not null && name is not null && props is not null
                ? new ScenarioEventInput(a, user, location, name, props)
                : null;
        }

        var traits = Data(kinds[0].Value, "identify");
        if (kinds[0].Value is YamlMapping traitMap)
        {
            TraitChecker.Check(traitMap, readers);
        }

        return at is { } offset && user is not null && traits is not null
            ? new ScenarioIdentifyInput(offset, user, location, traits)
            : null;
    }

    private IReadOnlyDictionary<string, Value>? Data(YamlNode node, string field) =>
        readers.Nodes.Mapping(node, field) is { } map ? ValueReader.Map(map) : null;
}
