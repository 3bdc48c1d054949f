using Microsoft.AspNetCore.Http;
using NodaTime;
using Trellis.Channels.Tokens;
using Trellis.Channels.Tracking;
using Trellis.Server.Delivery;
using Trellis.Server.Delivery.Guardrails;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// <c>/unsubscribe/{token}</c>. GET only shows a page with a button: link scanners and previews fetch links, and
/// must not unsubscribe anyone. POST unsubscribes — the RFC 8058 one-click POST a mail client sends
/// (<c>List-Unsubscribe=One-Click</c>) or the page's form — from the topic of the journey that sent the message
/// (everything, when it has none or the form asks for it): consent written through <see cref="ConsentWriter"/>,
/// so the engine honours it in its next decision, and counted against the journey's guardrail once per message.
/// </summary>
public sealed class UnsubscribeHandler(
    RecipientTokenGate gate,
    ConsentWriter consent,
    JourneyTopics topics,
    RecipientLinks links,
    GuardrailMonitor guardrails,
    ITrellisStore store,
    IClock clock)
{
    public const string AllTopics = "all";

    public async Task<IResult> ShowAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Unsubscribe, out var claims, out var refusal))
        {
            return refusal;
        }

        var topic = await TopicAsync(claims, context.RequestAborted);
        var what = topic is null ? "all marketing messages" : $"messages about “{topic}”";
        var body = $"<p>Do you want to stop receiving {RecipientPage.Encode(what)}?</p>" +
                   "<form method=\"post\">" +
                   (topic is null ? "" : "<button type=\"submit\" name=\"scope\" value=\"topic\">Unsubscribe from " + RecipientPage.Encode(topic) + "</button><br>") +
                   "<button type=\"submit\" name=\"scope\" value=\"all\">Unsubscribe from all marketing</button>" +
                   "</form>" +
                   $"<p><a href=\"{RecipientPage.Encode(PreferencesUrl(claims))}\">Choose what you receive instead</a></p>";
        return new RecipientPage(StatusCodes.Status200OK, "Unsubscribe", body);
    }

    public async Task<IResult> UnsubscribeAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Unsubscribe, out var claims, out var refusal))
        {
            return refusal;
        }

        var cancellationToken = context.RequestAborted;
        var workspace = new WorkspaceId(claims.Workspace);
        var topic = await TopicAsync(claims, cancellationToken);
        var scope = await RequestedScopeAsync(context.Request, cancellationToken);
        var unsubscribeFrom = scope == AllTopics || topic is null ? AllTopics : topic;
        await consent.RecordAsync(workspace, claims.Subject, new Dictionary<string, bool> { [unsubscribeFrom] = false }, "unsubscribe", cancellationToken);

        if (SendReference.TryParse(claims.Reference, out var send)
            && await FirstUnsubscribeFromMessageAsync(workspace, claims, cancellationToken))
        {
            await guardrails.RecordUnsubscribeAsync(workspace, send.Journey, cancellationToken);
        }

        var what = unsubscribeFrom == AllTopics ? "any more marketing messages" : $"any more messages about “{unsubscribeFrom}”";
        return new RecipientPage(StatusCodes.Status200OK, "You are unsubscribed",
            $"<p>You will not receive {RecipientPage.Encode(what)}.</p>" +
            $"<p><a href=\"{RecipientPage.Encode(PreferencesUrl(claims))}\">Manage your preferences</a></p>");
    }

    /// <summary>"all" when the form asked for everything; "topic" otherwise (the one-click body, the topic button, an empty POST).</summary>
    private static async Task<string> RequestedScopeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return "topic";
        }

        var form = await request.ReadFormAsync(cancellationToken);
        return form["scope"].ToString() == AllTopics ? AllTopics : "topic";
    }

    private async Task<string?> TopicAsync(TokenClaims claims, CancellationToken cancellationToken) =>
        SendReference.TryParse(claims.Reference, out var send)
            ? await topics.OfJourneyAsync(new WorkspaceId(claims.Workspace), send.Journey, cancellationToken)
            : null;

    /// <summary>A recipient who clicks twice, or a client that retries the POST, is one unsubscribe for the guardrail.</summary>
    private async Task<bool> FirstUnsubscribeFromMessageAsync(WorkspaceId workspace, TokenClaims claims, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var key = EngagementIds.For("unsubscribe", claims.Subject, claims.Reference);
        return await store.IdempotencyKeys.TryRecordAsync(workspace, key, now, now + Duration.FromDays(30), cancellationToken);
    }

    private string PreferencesUrl(TokenClaims claims) => links.Preferences(claims.Workspace, claims.Subject).AbsoluteUri;
}
