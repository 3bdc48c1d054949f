using System.Text.Json;

namespace Trellis.Storage.Internal;

/// <summary>An inbox message's metadata as a JSON object of strings, the same text on both backends.</summary>
internal static class MetadataJson
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public static string Write(IReadOnlyDictionary<string, string> metadata) =>
        metadata.Count == 0 ? "{}" : JsonSerializer.Serialize(metadata);

    public static IReadOnlyDictionary<string, string> Read(string json) =>
        json is "{}" or "" ? None : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? None;
}
