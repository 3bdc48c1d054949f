using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Runtime.Persistence;
using Trellis.Server.Dashboard.Api;
using Trellis.Server.Hosting;
using Trellis.Templates;

namespace Trellis.Server.Admin;

/// <summary>
/// The body of <c>POST /api/templates/{id}/preview</c>: <c>{"profile": {…traits}, "event": {…properties},
/// "journey": "id", "channel": "email"}</c>, every member optional. Unknown members and wrong types are refused
/// (400), so a typo does not silently preview with empty data. Links are placeholders, as in the dashboard's
/// preview: a preview must never carry a working unsubscribe token.
/// </summary>
internal sealed record TemplatePreviewRequest(TemplateModel Model, Channel? Channel)
{
    public const int MaxBytes = 64 * 1024;

    private static readonly HashSet<string> Members = new(StringComparer.Ordinal) { "profile", "event", "journey", "channel" };

    public static async Task<TemplatePreviewRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BoundedBodyReader.ReadAsync(request, MaxBytes, cancellationToken);
        if (body.Length == 0)
        {
            return new TemplatePreviewRequest(BuildModel(default, default, null), null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return FromJson(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, "malformed", $"malformed JSON: {e.Message}");
        }
    }

    private static TemplatePreviewRequest FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw RequestRejectedException.Invalid("the body must be a JSON object: {\"profile\": {…}, \"event\": {…}, \"journey\": \"…\", \"channel\": \"…\"}");
        }

        foreach (var member in root.EnumerateObject())
        {
            if (!Members.Contains(member.Name))
            {
                throw RequestRejectedException.Invalid($"unknown field \"{member.Name}\" (expected profile, event, journey, channel)");
            }
        }

        var profile = ObjectOrNothing(root, "profile");
        var @event = ObjectOrNothing(root, "event");
        var journey = TextOrNothing(root, "journey");
        Channel? channel = null;
        if (TextOrNothing(root, "channel") is { } name)
        {
            channel = ChannelNames.TryParse(name, out var parsed)
                ? parsed
                : throw RequestRejectedException.Invalid($"\"channel\" '{name}' is not a channel (email, sms, push, webhook, in_app, task, direct_mail)");
        }

        return new TemplatePreviewRequest(BuildModel(profile, @event, journey), channel);
    }

    private static TemplateModel BuildModel(JsonElement profile, JsonElement @event, string? journey) => new()
    {
        Profile = Value.Map(ValueJson.MapFromJson(profile)),
        Event = Value.Map(ValueJson.MapFromJson(@event)),
        Journey = journey is null ? null : new TemplateJourney(journey, default, null),
        UnsubscribeUrl = PreviewModel.UnsubscribePlaceholder,
        PreferencesUrl = PreviewModel.PreferencesPlaceholder,
    };

    private static JsonElement ObjectOrNothing(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw RequestRejectedException.Invalid($"\"{name}\" must be a JSON object");
    }

    private static string? TextOrNothing(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw RequestRejectedException.Invalid($"\"{name}\" must be a non-empty string");
    }
}
