using Trellis.Core.Values;

namespace Trellis.Templates.Rendering;

/// <summary>
/// Turns the template model into plain dictionaries and arrays that Handlebars can walk. Times become ISO-8601
/// UTC text (what <c>{{event.at}}</c> should print, and what <c>date</c> parses), durations their "1d6h" text,
/// numbers doubles and booleans booleans (so <c>{{#if}}</c> and the comparison helpers see real values).
/// </summary>
internal static class ModelConverter
{
    /// <summary>Values are trees, but a map could be made to contain itself; past this depth a value renders empty.</summary>
    private const int MaxDepth = 64;

    public static Dictionary<string, object?> ToHandlebarsModel(TemplateModel model)
    {
        var eventData = Convert(model.Event, 0);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["profile"] = Convert(model.Profile, 0),
            ["event"] = eventData,
            ["journey"] = model.Journey is { } journey ? Journey(journey, eventData) : null,
            ["unsubscribe_url"] = model.UnsubscribeUrl,
            ["preferences_url"] = model.PreferencesUrl,
        };
    }

    /// <summary>journey.event is the entering event too, as in journey expressions (SPEC §1).</summary>
    private static Dictionary<string, object?> Journey(TemplateJourney journey, object? eventData) =>
        new(StringComparer.Ordinal)
        {
            ["id"] = journey.Id,
            ["key"] = Convert(journey.Key, 0),
            ["entered_at"] = journey.EnteredAt is { } at ? InstantText.Format(at) : null,
            ["event"] = eventData,
        };

    public static object? Convert(Value value, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        return value.Kind switch
        {
            ValueKind.Bool => value.AsBool,
            ValueKind.Number => value.AsNumber,
            ValueKind.String => value.AsString,
            ValueKind.Time or ValueKind.Duration => value.ToString(),
            ValueKind.List => value.AsList.Select(item => Convert(item, depth + 1)).ToArray(),
            ValueKind.Map => value.AsMap!.ToDictionary(entry => entry.Key, entry => Convert(entry.Value, depth + 1), StringComparer.Ordinal),
            _ => null,
        };
    }
}
