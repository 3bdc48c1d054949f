namespace Trellis.Content.Yaml;

/// <summary>One <c>key: value</c> of a mapping; the key keeps its own line for messages about the field.</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value)
{
    public string Name => Key.Value;
}
