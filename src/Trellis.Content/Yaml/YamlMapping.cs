namespace Trellis.Content.Yaml;

/// <summary>A mapping with its entries in file order; duplicate keys were already reported and dropped.</summary>
internal sealed class YamlMapping(int line, int column, IReadOnlyList<YamlEntry> entries) : YamlNode(line, column)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string Describe => "a mapping";

    public YamlEntry? Find(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Name == key)
            {
                return e;
            }
        }

        return null;
    }

    public YamlNode? Get(string key) => Find(key)?.Value;

    public bool Has(string key) => Find(key) is not null;
}
