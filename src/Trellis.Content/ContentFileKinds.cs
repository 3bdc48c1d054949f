namespace Trellis.Content;

/// <summary>
/// File names decide what a file is: <c>*.journey.yaml</c>, <c>*.template.yaml</c>, <c>policies.yaml</c>,
/// <c>*.scenario.yaml</c> (<c>.yml</c> too), and propensity models <c>*.model.json</c>. Other files in a content
/// folder are left alone.
/// </summary>
public static class ContentFileKinds
{
    public static ContentFileKind? Of(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(Models.ModelFileReader.Extension, StringComparison.Ordinal))
        {
            return ContentFileKind.Model;
        }

        foreach (var extension in new[] { ".yaml", ".yml" })
        {
            if (!name.EndsWith(extension, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = name[..^extension.Length];
            if (stem == "policies")
            {
                return ContentFileKind.Policies;
            }

            if (stem.EndsWith(".journey", StringComparison.Ordinal))
            {
                return ContentFileKind.Journey;
            }

            if (stem.EndsWith(".template", StringComparison.Ordinal))
            {
                return ContentFileKind.Template;
            }

            if (stem.EndsWith(".scenario", StringComparison.Ordinal))
            {
                return ContentFileKind.Scenario;
            }
        }

        return null;
    }

    public const string Naming = "*.journey.yaml, *.template.yaml, *.scenario.yaml, policies.yaml or *.model.json";
}
