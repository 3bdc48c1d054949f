using Trellis.Storage;
using System.Text.Json;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Values;
using Trellis.Runtime.Persistence;

namespace Trellis.Server.Processing;

/// <summary>
/// What each stored Segment call means to the engine: identify → traits (with <c>consent</c>), track → the
/// event, page/screen → events named <c>page</c> and <c>screen</c> (with the page/screen name as property
/// <c>name</c>), group → the trait <c>group_id</c> plus group traits under <c>group</c>. Alias changes identity
/// only (the store merges), so it is no engine input.
/// </summary>
public static class StoredEventInputs
{
    public static EngineInput? ToInput(StoredEvent stored)
    {
        using var doc = JsonDocument.Parse(stored.PayloadJson);
        var root = doc.RootElement;
        switch (stored.Kind)
        {
            case EventKind.Identify:
                return new IdentifyInput(Member(root, "traits"));
            case EventKind.Track:
                return new TrackInput(stored.EventName ?? "", Value.Map(Member(root, "properties")));
            case EventKind.Page or EventKind.Screen:
                var properties = Member(root, "properties");
                if (root.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    properties["name"] = Value.String(name.GetString());
                }

                return new TrackInput(stored.Kind == EventKind.Page ? "page" : "screen", Value.Map(properties));
            case EventKind.Group:
                var traits = new Dictionary<string, Value>(StringComparer.Ordinal)
                {
                    ["group"] = Value.Map(Member(root, "traits")),
                };
                if (root.TryGetProperty("groupId", out var groupId))
                {
                    traits["group_id"] = ValueJson.FromJson(groupId);
                }

                return new IdentifyInput(traits);
            default:
                return null;
        }
    }

    private static Dictionary<string, Value> Member(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var e)
            ? ValueJson.MapFromJson(e)
            : new Dictionary<string, Value>(StringComparer.Ordinal);
}
