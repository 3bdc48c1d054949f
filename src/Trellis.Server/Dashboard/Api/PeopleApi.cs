using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Ingestion;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/people</c> (a page of people, by id) and <c>GET /dashboard/api/people/{id}</c>: profile,
/// consent, suppression, journeys, events, the decision trace and the sends with their delivery status. Every
/// read is by person (indexed), so the cost does not depend on how many people the store holds.
/// </summary>
internal static class PeopleApi
{
    public const int PageSize = 50;

    /// <summary>A person page shows at most this many trace lines and events (the newest events).</summary>
    public const int MaxLines = 2000;

    public const int EventsShown = 200;

    public static async Task<IResult> ListAsync(HttpContext context, ITrellisStore store)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        var after = context.Request.Query["after"].ToString();
        var page = await store.Persons.ListProfilesAsync(workspace, after.Length == 0 ? null : after, PageSize, context.RequestAborted);
        return ApiResults.Ok(new
        {
            success = true,
            people = page.Select(p =>
            {
                var traits = StoredJson.Parse(p.TraitsJson);
                return new { id = p.PersonId, email = Text(traits, "email"), name = Name(traits), updatedAt = p.UpdatedAt.ToString() };
            }),
            next = page.Count == PageSize ? page[^1].PersonId : null,
        });
    }

    public static async Task<IResult> GetAsync(string id, HttpContext context, ITrellisStore store)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        var cancellationToken = context.RequestAborted;
        var personId = await store.Persons.ResolveAsync(workspace, id, cancellationToken);
        if (await store.Persons.GetProfileAsync(workspace, personId, cancellationToken) is not { } profile)
        {
            var erased = await store.Persons.IsErasedAsync(workspace, id, cancellationToken);
            return ApiResults.Error(StatusCodes.Status404NotFound, erased ? $"person '{id}' was erased" : $"no person '{id}' in this workspace");
        }

        var traits = StoredJson.Parse(profile.TraitsJson);
        var events = await NewestEventsAsync(store, workspace, personId, cancellationToken);
        var trace = await store.Persons.ReadTraceAsync(workspace, personId, 0, MaxLines, cancellationToken);
        var sends = await store.Outbox.ListForPersonAsync(workspace, personId, cancellationToken);
        return ApiResults.Ok(new
        {
            success = true,
            id = personId,
            name = Name(traits),
            traits,
            createdAt = profile.CreatedAt.ToString(),
            updatedAt = profile.UpdatedAt.ToString(),
            consent = Consent(profile, traits),
            suppressions = await SuppressionsAsync(store, workspace, traits, cancellationToken),
            journeys = await PersonJourneyHistory.ReadAsync(store, workspace, personId, cancellationToken),
            events = events.Select(e => new
            {
                sequence = e.Sequence,
                type = SegmentCallKinds.Name(e.Kind),
                @event = e.EventName,
                timestamp = e.Timestamp.ToString(),
                properties = Properties(e),
            }),
            trace = trace.Select(t => new
            {
                sequence = t.Sequence,
                at = t.Entry.At.ToString(),
                type = t.Entry.Type,
                journey = t.Entry.JourneyId,
                step = t.Entry.StepId,
                details = StoredJson.Parse(t.Entry.DetailsJson),
            }),
            traceTruncated = trace.Count == MaxLines,
            sends = sends.Select(s => Send(s)),
        });
    }

    private static async Task<IReadOnlyList<StoredEvent>> NewestEventsAsync(ITrellisStore store, WorkspaceId workspace, string personId, CancellationToken cancellationToken)
    {
        // The log is read oldest first; keep the newest of the first MaxLines.
        var events = new List<StoredEvent>();
        long after = 0;
        while (events.Count < MaxLines)
        {
            var page = await store.Events.ReadAsync(workspace, personId, after, 500, cancellationToken);
            events.AddRange(page);
            if (page.Count < 500)
            {
                break;
            }

            after = page[^1].Sequence;
        }

        return events.Count <= EventsShown ? events : events[^EventsShown..];
    }

    /// <summary>
    /// Statements stored by the admin API, the preference centre and unsubscribes, and those given on identify
    /// (kept by the engine in the <c>consent</c> trait): both count, so both are shown, each with its source.
    /// </summary>
    private static IEnumerable<object> Consent(PersonProfile profile, JsonElement traits)
    {
        var stored = profile.Consent.Values.OrderBy(c => c.Topic, StringComparer.Ordinal)
            .Select(c => new { topic = c.Topic, granted = (bool?)c.Granted, source = c.Source, at = (string?)c.At.ToString() });
        var given = traits.ValueKind == JsonValueKind.Object && traits.TryGetProperty("consent", out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new
            {
                topic = p.Name,
                granted = p.Value.ValueKind switch { JsonValueKind.True => (bool?)true, JsonValueKind.False => false, _ => null },
                source = "identify (traits.consent)",
                at = (string?)null,
            })
            : [];
        return stored.Concat(given);
    }

    private static object Send(OutboxEntry entry)
    {
        var payload = StoredJson.Parse(entry.PayloadJson);
        return new
        {
            id = entry.Id,
            journey = PayloadText(payload, "journey"),
            step = entry.Key.StepId,
            template = PayloadText(payload, "template"),
            channel = entry.Channel,
            address = PayloadText(payload, "address"),
            status = entry.Status.ToString().ToLowerInvariant(),
            attempts = entry.Attempts,
            lastError = entry.LastError ?? PayloadText(payload, "error"),
            createdAt = entry.CreatedAt.ToString(),
            completedAt = entry.CompletedAt?.ToString(),
            providerMessageId = entry.ProviderMessageId,
        };
    }

    private static JsonElement? Properties(StoredEvent stored)
    {
        var payload = StoredJson.Parse(stored.PayloadJson);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return payload.TryGetProperty("properties", out var properties) ? properties
            : payload.TryGetProperty("traits", out var traits) ? traits
            : null;
    }

    private static async Task<List<object>> SuppressionsAsync(ITrellisStore store, WorkspaceId workspace, JsonElement traits, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        foreach (var (channel, trait) in ContactTraits.All)
        {
            if (Text(traits, trait) is { Length: > 0 } address)
            {
                result.Add(new { channel, address, suppressed = await store.Suppressions.IsSuppressedAsync(workspace, channel, address, cancellationToken) });
            }
        }

        return result;
    }

    private static string? Name(JsonElement traits) =>
        Text(traits, "name") ?? string.Join(" ", new[] { Text(traits, "first_name"), Text(traits, "last_name") }.OfType<string>()) switch
        {
            "" => null,
            var joined => joined,
        };

    private static string? Text(JsonElement json, string property) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>An outbox payload's field, whatever the casing its writer used.</summary>
    private static string? PayloadText(JsonElement payload, string property) =>
        payload.ValueKind != JsonValueKind.Object
            ? null
            : payload.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } match
                ? match.Value.GetString()
                : null;
}
