using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Trellis.Server.Admin;

/// <summary>
/// The name and priority of a stored journey, read straight from its YAML so that listing never depends on the
/// journey still validating (a template may have been removed since it was uploaded).
/// </summary>
internal sealed record JourneySummary(string? Name, int Priority)
{
    public static JourneySummary Read(string sourceYaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(sourceYaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                return new JourneySummary(null, 0);
            }

            var name = Scalar(root, "name");
            var priority = int.TryParse(Scalar(root, "priority"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
            return new JourneySummary(name, priority);
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return new JourneySummary(null, 0);
        }
    }

    private static string? Scalar(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;
}
