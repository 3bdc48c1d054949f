using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary>Reads <c>profiles:</c> — <c>{id, traits}</c> with unique ids.</summary>
internal sealed class ScenarioProfileReader(FileReaders readers)
{
    private static readonly string[] Fields = ["id", "traits"];

    public IReadOnlyList<ScenarioProfile> Read(YamlNode node)
    {
        var profiles = new List<ScenarioProfile>();
        if (readers.Nodes.List(node, "profiles") is not { } list)
        {
            return profiles;
        }

        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (readers.Nodes.Mapping(item, "a profile") is not { } map)
            {
                continue;
            }

            readers.Nodes.CheckFields(map, "profile", Fields);
            var idNode = readers.Nodes.Required(map, "id", "a profile");
            if (idNode is null || readers.Nodes.Text(idNode, "id") is not { } id)
            {
                continue;
            }

            if (!firstLine.TryAdd(id, idNode.Line))
            {
                readers.Report(idNode.Line, $"duplicate profile '{id}' (first at line {firstLine[id]})");
                continue;
            }

            IReadOnlyDictionary<string, Value> traits = new Dictionary<string, Value>();
            if (map.Get("traits") is { } traitsNode && !(traitsNode is YamlScalar { IsNull: true }) &&
                readers.Nodes.Mapping(traitsNode, "traits") is { } traitMap)
            {
                TraitChecker.Check(traitMap, readers);
                traits = ValueReader.Map(traitMap);
            }

            profiles.Add(new ScenarioProfile(id, traits, readers.Diagnostics.At(map.Line)));
        }

        return profiles;
    }
}
