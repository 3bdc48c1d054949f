using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Channels.Feedback;
using Trellis.Core.Journeys;
using Trellis.Server.Delivery.Guardrails;
using Trellis.Server.Processing;
using Trellis.Server.Recipients;
using Trellis.Storage;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Applies provider feedback (SPEC §3 suppression policy):
/// hard bounce → the address is suppressed on that channel; complaint → suppressed, and the person unsubscribed
/// from all marketing (and counted against the journey's guardrail); soft bounce → recorded only (a
/// <c>message_bounced</c> event when the message is known); delivered / open / click → engagement on the step;
/// opt-out / opt-in (SMS STOP / START, an email provider's unsubscribe) → consent for that channel.
/// Each provider event is applied once: its id is recorded first and a redelivery is dropped. Nothing here ever
/// lifts a suppression, so a delivery reported after a bounce cannot undo it.
/// </summary>
public sealed class FeedbackProcessor(
    ITrellisStore store,
    SentMessageIndex index,
    ContactDirectory contacts,
    ConsentWriter consent,
    EngagementRecorder engagement,
    GuardrailMonitor guardrails,
    HookOptions options,
    IClock clock,
    ILogger<FeedbackProcessor> logger)
{
    public async Task<FeedbackOutcome> ApplyAsync(IReadOnlyList<FeedbackEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        int applied = 0, duplicates = 0;
        foreach (var feedback in events)
        {
            var sent = index.Find(feedback.ProviderMessageId) ?? index.Find(feedback.MessageIdHeader)
                       ?? await StoredSendAsync(feedback.ProviderMessageId, cancellationToken)
                       ?? await StoredSendAsync(feedback.MessageIdHeader, cancellationToken);
            // Feedback about a message this process does not remember applies to every workspace: an address
            // that bounces or complains does so for all of them.
            var workspaces = sent is not null ? [sent.Workspace] : (await store.Workspaces.ListAsync(cancellationToken)).Select(w => w.Id).ToList();
            foreach (var workspace in workspaces)
            {
                if (await FirstTimeAsync(workspace, feedback, cancellationToken))
                {
                    await ApplyAsync(workspace, feedback, sent?.Workspace == workspace ? sent : null, cancellationToken);
                    applied++;
                }
                else
                {
                    duplicates++;
                }
            }
        }

        return new FeedbackOutcome(applied, duplicates);
    }

    /// <summary>The send behind a provider id from the outbox, for messages this process does not remember.</summary>
    private async Task<SentMessage?> StoredSendAsync(string? providerMessageId, CancellationToken cancellationToken)
    {
        var id = providerMessageId is null ? "" : SentMessageIndex.NormalizeId(providerMessageId);
        if (id.Length == 0 || await store.Outbox.FindByProviderMessageIdAsync(id, cancellationToken) is not { } entry)
        {
            return null;
        }

        try
        {
            return OutboxPayloadJson.Deserialize(entry.PayloadJson) is { } payload
                ? new SentMessage(entry.Workspace, entry.Key.PersonId, new SendReference(payload.Journey, payload.Instance, payload.Step), payload.Channel, payload.Address)
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private async Task ApplyAsync(WorkspaceId workspace, FeedbackEvent feedback, SentMessage? sent, CancellationToken cancellationToken)
    {
        var channel = feedback.Channel.Name();
        logger.LogInformation("{Provider} feedback {Kind} for {Channel} {Address}", feedback.Provider, feedback.Kind.Name(), channel, feedback.Address);
        switch (feedback.Kind)
        {
            case FeedbackKind.BounceHard:
                await SuppressAsync(workspace, feedback, $"hard bounce ({feedback.Provider}): {feedback.Detail}", cancellationToken);
                await RecordBounceAsync(workspace, feedback, sent, "hard", cancellationToken);
                break;
            case FeedbackKind.BounceSoft:
                await RecordBounceAsync(workspace, feedback, sent, "soft", cancellationToken);
                break;
            case FeedbackKind.Complaint:
                await SuppressAsync(workspace, feedback, $"complaint ({feedback.Provider}): {feedback.Detail}", cancellationToken);
                await SetConsentAsync(workspace, feedback, sent, "all", false, "complaint", cancellationToken);
                if (sent is not null)
                {
                    await guardrails.RecordComplaintAsync(workspace, sent.Send.Journey, cancellationToken);
                }

                break;
            case FeedbackKind.OptOut:
                await SetConsentAsync(workspace, feedback, sent, channel, false, $"{feedback.Provider} opt-out", cancellationToken);
                break;
            case FeedbackKind.OptIn:
                await SetConsentAsync(workspace, feedback, sent, channel, true, $"{feedback.Provider} opt-in", cancellationToken);
                break;
            case FeedbackKind.Delivered:
                await RecordEngagementAsync(workspace, feedback, sent, RecipientEvents.Delivered, cancellationToken);
                break;
            case FeedbackKind.Open:
                await RecordEngagementAsync(workspace, feedback, sent, RecipientEvents.Opened, cancellationToken);
                break;
            case FeedbackKind.Click:
                await RecordEngagementAsync(workspace, feedback, sent, RecipientEvents.Clicked, cancellationToken);
                break;
        }
    }

    private async Task<bool> FirstTimeAsync(WorkspaceId workspace, FeedbackEvent feedback, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var key = $"hook:{feedback.Provider}:{feedback.ProviderEventId}";
        return await store.IdempotencyKeys.TryRecordAsync(workspace, key, now, now + Duration.FromTimeSpan(options.DeduplicationWindow), cancellationToken);
    }

    private async Task SuppressAsync(WorkspaceId workspace, FeedbackEvent feedback, string reason, CancellationToken cancellationToken)
    {
        if (feedback.Address is { Length: > 0 } address)
        {
            await store.Suppressions.AddAsync(workspace, new Suppression(feedback.Channel.Name(), address, reason, clock.GetCurrentInstant()), cancellationToken);
        }
    }

    private async Task SetConsentAsync(WorkspaceId workspace, FeedbackEvent feedback, SentMessage? sent, string topic, bool granted, string source, CancellationToken cancellationToken)
    {
        var persons = sent is not null ? [sent.PersonId]
            : feedback.Address is { Length: > 0 } address ? await contacts.FindPersonsAsync(workspace, feedback.Channel.Name(), address, cancellationToken)
            : [];
        if (persons.Count == 0)
        {
            logger.LogWarning("{Provider} {Kind} for {Address}: no person with that address in workspace {Workspace}",
                feedback.Provider, feedback.Kind.Name(), feedback.Address, workspace);
        }

        foreach (var person in persons)
        {
            await consent.RecordAsync(workspace, person, new Dictionary<string, bool> { [topic] = granted }, source, cancellationToken);
        }
    }

    private async Task RecordBounceAsync(WorkspaceId workspace, FeedbackEvent feedback, SentMessage? sent, string type, CancellationToken cancellationToken)
    {
        if (sent is null)
        {
            return;
        }

        var extra = new Dictionary<string, string> { ["type"] = type, ["provider"] = feedback.Provider };
        if (feedback.Detail is { } detail)
        {
            extra["detail"] = detail;
        }

        await engagement.RecordAsync(workspace, sent.PersonId, RecipientEvents.Bounced, sent.Send, MessageId(feedback), feedback.Provider, cancellationToken, extra);
    }

    private async Task RecordEngagementAsync(WorkspaceId workspace, FeedbackEvent feedback, SentMessage? sent, string eventName, CancellationToken cancellationToken)
    {
        if (sent is null)
        {
            logger.LogDebug("{Provider} {Kind} for a message this process does not remember: not attributed", feedback.Provider, feedback.Kind.Name());
            return;
        }

        var extra = feedback.Url is { } url ? new Dictionary<string, string> { ["url"] = url } : null;
        await engagement.RecordAsync(workspace, sent.PersonId, eventName, sent.Send, MessageId(feedback), feedback.Provider, cancellationToken, extra);
    }

    private static string MessageId(FeedbackEvent feedback) => EngagementIds.For("hook", feedback.Provider, feedback.ProviderEventId);
}
