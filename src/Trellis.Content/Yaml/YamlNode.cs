namespace Trellis.Content.Yaml;

/// <summary>A node of a YAML document that remembers where it was written (1-based line and column).</summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>How messages name this kind of node: "text", "a mapping", "a list".</summary>
    public abstract string Describe { get; }
}
