using System.Text.Json;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Runtime.Persistence;
using Trellis.Server.Admin;
using Trellis.Storage;
using Trellis.Templates;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// The data a template is previewed with: the chosen person's profile, and as <c>event</c> the newest of their
/// events that enters a journey sending this template (else their newest track event), as it would be when the
/// journey sends. Links are placeholders: a preview must never carry a working unsubscribe token.
/// </summary>
/// <param name="Entering">Whether <paramref name="Event"/> is the kind of event that enters <paramref name="Journey"/>.</param>
internal sealed record PreviewModel(TemplateModel Model, string? Journey, StoredEvent? Event, bool Entering)
{
    public const string UnsubscribePlaceholder = "#preview-unsubscribe";
    public const string PreferencesPlaceholder = "#preview-preferences";

    public static async Task<PreviewModel?> LoadAsync(
        ITrellisStore store, WorkspaceId workspace, string personId, string templateId, IReadOnlyList<JourneyDefinition> journeys, CancellationToken cancellationToken)
    {
        var resolved = await store.Persons.ResolveAsync(workspace, personId, cancellationToken);
        if (await store.Persons.GetProfileAsync(workspace, resolved, cancellationToken) is not { } profile)
        {
            return null;
        }

        var sending = journeys.Where(j => j.Steps.OfType<SendStep>().Any(s => s.TemplateId == templateId)).ToList();
        var entryEvents = sending.Select(j => j.Entry.Trigger).OfType<EventTrigger>().Select(t => t.EventName).ToHashSet(StringComparer.Ordinal);
        var events = await store.Events.ReadAsync(workspace, resolved, 0, PeopleApi.MaxLines, cancellationToken);
        var tracks = events.Where(e => e.Kind == EventKind.Track).Reverse().ToList();
        var chosen = tracks.FirstOrDefault(e => e.EventName is { } name && entryEvents.Contains(name)) ?? tracks.FirstOrDefault();
        var journey = sending.FirstOrDefault(j => j.Entry.Trigger is EventTrigger t && t.EventName == chosen?.EventName) ?? sending.FirstOrDefault();

        var model = new TemplateModel
        {
            Profile = Value.Map(ValueJson.MapFromJson(StoredJson.Parse(profile.TraitsJson))),
            Event = chosen is null ? Value.Map(new Dictionary<string, Value>()) : Value.Map(ValueJson.MapFromJson(PropertiesOf(chosen))),
            Journey = journey is null ? null : new TemplateJourney(journey.Id, default, chosen?.Timestamp),
            UnsubscribeUrl = UnsubscribePlaceholder,
            PreferencesUrl = PreferencesPlaceholder,
        };
        var entering = journey?.Entry.Trigger is EventTrigger trigger && trigger.EventName == chosen?.EventName;
        return new PreviewModel(model, journey?.Id, chosen, entering);
    }

    private static JsonElement PropertiesOf(StoredEvent stored)
    {
        var payload = StoredJson.Parse(stored.PayloadJson);
        return payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("properties", out var properties) ? properties : default;
    }
}
