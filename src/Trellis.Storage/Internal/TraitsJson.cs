using System.Text.Json;
using System.Text.Json.Nodes;

namespace Trellis.Storage.Internal;

/// <summary>Small, backend-independent operations on a traits object, done in C# so SQLite and PostgreSQL agree.</summary>
internal static class TraitsJson
{
    public const string Empty = "{}";

    /// <summary>
    /// Shallow merge for a person merge: the known person's traits win, the merged-in person only fills
    /// traits the known one lacks.
    /// </summary>
    public static string Merge(string mergedIn, string known)
    {
        var result = ParseObject(mergedIn);
        foreach (var (key, value) in ParseObject(known))
        {
            result[key] = value?.DeepClone();
        }

        return result.ToJsonString();
    }

    /// <summary>The normalized string values of the contact traits (see <see cref="ContactTraits"/>), per channel.</summary>
    public static IReadOnlyList<(string Channel, string Address)> ContactAddresses(string traitsJson)
    {
        var found = new List<(string, string)>();
        using var document = JsonDocument.Parse(traitsJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return found;
        }

        foreach (var (channel, trait) in ContactTraits.All)
        {
            if (document.RootElement.TryGetProperty(trait, out var value) && value.ValueKind == JsonValueKind.String)
            {
                var address = Suppression.NormalizeAddress(value.GetString()!);
                if (address.Length > 0)
                {
                    found.Add((channel, address));
                }
            }
        }

        return found;
    }

    private static JsonObject ParseObject(string json) =>
        JsonNode.Parse(json) as JsonObject ?? new JsonObject();
}
