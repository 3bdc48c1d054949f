using Trellis.Storage;
using System.Text.Json;
using Trellis.Core.Engine.Inputs;
using Trellis.Core.Values;
using Trellis.Runtime.Persistence;

namespace Trellis.Server.Processing;

/// <summary>
/// What each stored Segment call means to the engine: identify → traits (with <c>consent</c>), track → the
/// event, page/screen → the event name ingestion stored (<c>Page Viewed</c>, <c>Screen Viewed</c>) with the
/// page/screen name as property <c>name</c>, group → the trait <c>group_id</c> plus group traits under <c>group</c>. Alias changes identity
/// only (the store merges), so it is no engine input. The engagement events that the recipient endpoints and
/// provider hooks append (<c>message_delivered</c>, <c>message_opened</c>, <c>message_clicked</c> with
/// properties journey, step, instance) also mark the send step's outcome for <c>step("id").opened</c>.
/// </summary>
public static class StoredEventInputs
{
    public static IEnumerable<EngineInput> ToInputs(StoredEvent stored)
    {
        if (ToInput(stored) is not { } input)
        {
            yield break;
        }

        if (input is TrackInput track && Engagement(track) is { } engagement)
        {
            yield return engagement;
        }

        yield return input;
    }

    private static EngagementInput? Engagement(TrackInput track)
    {
        EngagementKind? kind = track.Name switch
        {
            "message_delivered" => EngagementKind.Delivered,
            "message_opened" => EngagementKind.Opened,
            "message_clicked" => EngagementKind.Clicked,
            _ => null,
        };
        var p = track.Properties;
        if (kind is null || p.Member("journey").AsString is not { } journey || p.Member("step").AsString is not { } step)
        {
            return null;
        }

        var instance = p.Member("instance");
        var number = instance.Kind == ValueKind.Number ? (int)instance.AsNumber : int.TryParse(instance.AsString, out var n) ? n : 0;
        return new EngagementInput(journey, number, step, kind.Value);
    }

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

                var fallback = stored.Kind == EventKind.Page ? "Page Viewed" : "Screen Viewed";
                return new TrackInput(string.IsNullOrEmpty(stored.EventName) ? fallback : stored.EventName, Value.Map(properties));
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
