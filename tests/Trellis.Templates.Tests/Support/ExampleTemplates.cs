using Trellis.Core.Journeys;
using Trellis.Core.Templates;
using YamlDotNet.RepresentationModel;

namespace Trellis.Templates.Tests.Support;

/// <summary>Reads the example template files into definitions: each non-"template" key is a channel section of parts.</summary>
internal static class ExampleTemplates
{
    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(RepositoryPaths.ExampleTemplates, "*.template.yaml").Order(StringComparer.Ordinal)];

    public static IEnumerable<object[]> FileNames() => Files().Select(f => new object[] { Path.GetFileName(f) });

    public static TemplateDefinition Load(string fileName)
    {
        var path = Path.Combine(RepositoryPaths.ExampleTemplates, fileName);
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        string? id = null;
        var sections = new Dictionary<Channel, IReadOnlyDictionary<string, string>>();
        foreach (var (key, value) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name == "template")
            {
                id = ((YamlScalarNode)value).Value;
                continue;
            }

            Assert.True(ChannelNames.TryParse(name, out var channel), $"{fileName}: unknown section {name}");
            sections[channel] = ((YamlMappingNode)value).Children.ToDictionary(
                part => ((YamlScalarNode)part.Key).Value!,
                part => ((YamlScalarNode)part.Value).Value ?? "");
        }

        return new TemplateDefinition
        {
            Id = id ?? throw new InvalidOperationException($"{fileName} has no template id"),
            Sections = sections,
            Location = new SourceLocation(fileName, 1),
        };
    }
}
