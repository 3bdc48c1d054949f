using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Ingestion;
using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>
/// <c>/api/profiles/{id}</c>: a person (by their id or any alias) with traits, consent, suppressions and
/// journeys; their timeline (events and decision trace, paged); and erasure.
/// </summary>
internal static class ProfileEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/profiles/{id}", GetAsync);
        api.MapGet("/profiles/{id}/timeline", TimelineAsync);
        api.MapDelete("/profiles/{id}", EraseAsync);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ITrellisStore store)
    {
        var workspace = AdminWorkspace.Of(context);
        var cancellationToken = context.RequestAborted;
        var personId = await store.Persons.ResolveAsync(workspace, id, cancellationToken);
        var profile = await store.Persons.GetProfileAsync(workspace, personId, cancellationToken);
        if (profile is null)
        {
            return await NotFoundAsync(store, workspace, id, cancellationToken);
        }

        var traits = StoredJson.Parse(profile.TraitsJson);
        return ApiResults.Ok(new
        {
            success = true,
            id = profile.PersonId,
            traits,
            consent = profile.Consent.Values
                .OrderBy(c => c.Topic, StringComparer.Ordinal)
                .ToDictionary(c => c.Topic, c => new { granted = c.Granted, source = c.Source, at = c.At.ToString() }),
            suppressions = await SuppressionsAsync(store, workspace, traits, cancellationToken),
            journeys = await PersonJourneyHistory.ReadAsync(store, workspace, personId, cancellationToken),
            createdAt = profile.CreatedAt.ToString(),
            updatedAt = profile.UpdatedAt.ToString(),
        });
    }

    /// <summary>Query: <c>afterEvent</c>, <c>afterTrace</c> (sequences from the previous page's <c>next</c>) and <c>limit</c>.</summary>
    private static async Task<IResult> TimelineAsync(string id, HttpContext context, ITrellisStore store)
    {
        var workspace = AdminWorkspace.Of(context);
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        if (!TryQuery(query["afterEvent"], 0, long.MaxValue, 0, out var afterEvent)
            || !TryQuery(query["afterTrace"], 0, long.MaxValue, 0, out var afterTrace)
            || !TryQuery(query["limit"], 1, MaxPageSize, DefaultPageSize, out var limit))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest,
                $"afterEvent and afterTrace must be whole numbers ≥ 0, limit between 1 and {MaxPageSize}");
        }

        var personId = await store.Persons.ResolveAsync(workspace, id, cancellationToken);
        if (await store.Persons.GetProfileAsync(workspace, personId, cancellationToken) is null)
        {
            return await NotFoundAsync(store, workspace, id, cancellationToken);
        }

        var events = await store.Events.ReadAsync(workspace, personId, afterEvent, (int)limit, cancellationToken);
        var trace = await store.Persons.ReadTraceAsync(workspace, personId, afterTrace, (int)limit, cancellationToken);
        var sends = await store.Outbox.ListForPersonAsync(workspace, personId, cancellationToken);
        var more = events.Count == limit || trace.Count == limit;
        return ApiResults.Ok(new
        {
            success = true,
            id = personId,
            events = events.Select(e => new
            {
                sequence = e.Sequence,
                messageId = e.MessageId,
                type = SegmentCallKinds.Name(e.Kind),
                @event = e.EventName,
                timestamp = e.Timestamp.ToString(),
                receivedAt = e.ReceivedAt.ToString(),
                payload = StoredJson.Parse(e.PayloadJson),
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
            // Every send with its outcome and the provider's id for it, which delivery, bounce and complaint
            // reports quote back.
            sends = sends.Select(s => new
            {
                id = s.Id,
                journeyInstance = s.Key.JourneyInstance,
                step = s.Key.StepId,
                channel = s.Channel,
                status = s.Status.ToString().ToLowerInvariant(),
                attempts = s.Attempts,
                lastError = s.LastError,
                createdAt = s.CreatedAt.ToString(),
                completedAt = s.CompletedAt?.ToString(),
                providerMessageId = s.ProviderMessageId,
            }),
            next = more
                ? new { afterEvent = events.Count > 0 ? events[^1].Sequence : afterEvent, afterTrace = trace.Count > 0 ? trace[^1].Sequence : afterTrace }
                : null,
        });
    }

    /// <summary>
    /// Erases the person everywhere (events, state, profile, consent, outbox, trace, aliases) and keeps a hashed
    /// tombstone of each of their ids, so a late event does not bring them back. Idempotent: erasing again, or
    /// an id never seen, still leaves a tombstone and answers 200 with <c>erased: false</c>.
    /// </summary>
    private static async Task<IResult> EraseAsync(string id, HttpContext context, ITrellisStore store, IClock clock)
    {
        var erased = await store.Persons.EraseAsync(AdminWorkspace.Of(context), id, clock.GetCurrentInstant(), context.RequestAborted);
        return ApiResults.Ok(new { success = true, id, erased });
    }

    private static async Task<List<object>> SuppressionsAsync(ITrellisStore store, WorkspaceId workspace, JsonElement traits, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        if (traits.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var (channel, trait) in ContactTraits.All)
        {
            if (traits.TryGetProperty(trait, out var address) && address.ValueKind == JsonValueKind.String && address.GetString() is { Length: > 0 } text)
            {
                var suppressed = await store.Suppressions.IsSuppressedAsync(workspace, channel, text, cancellationToken);
                result.Add(new { channel, address = text, suppressed });
            }
        }

        return result;
    }

    internal static async Task<IResult> NotFoundAsync(ITrellisStore store, WorkspaceId workspace, string id, CancellationToken cancellationToken) =>
        await store.Persons.IsErasedAsync(workspace, id, cancellationToken)
            ? ApiResults.Error(StatusCodes.Status404NotFound, $"profile '{id}' was erased")
            : ApiResults.Error(StatusCodes.Status404NotFound, $"no profile '{id}' in this workspace");

    internal static bool TryQuery(Microsoft.Extensions.Primitives.StringValues values, long min, long max, long fallback, out long value)
    {
        value = fallback;
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return true;
        }

        return long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
