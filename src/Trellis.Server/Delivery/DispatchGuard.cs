using Trellis.Core.Journeys;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// The last look before a send leaves: the engine decided with what it knew then, and a hard bounce, an
/// unsubscribe or a guardrail pause may have come in since. A suppressed address is never sent to; a marketing
/// send is dropped when its journey is no longer live or the person refused consent after the decision.
/// A claimed batch is checked at once: per workspace, one read of its suppressions per channel and one of its
/// persons' consent, instead of two reads per message.
/// </summary>
public sealed class DispatchGuard(ITrellisStore store, WorkspaceContentRegistry registry)
{
    /// <summary>For each send, in order: null when it may go; otherwise why it must not.</summary>
    public async Task<string?[]> ReasonsToCancelAsync(IReadOnlyList<(OutboxEntry Entry, OutboxPayload Payload)> sends, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sends);
        var reasons = new string?[sends.Count];
        foreach (var workspace in sends.Select((send, index) => (send, index)).GroupBy(s => s.send.Entry.Workspace))
        {
            await CheckWorkspaceAsync(workspace.Key, workspace.ToList(), reasons, cancellationToken).ConfigureAwait(false);
        }

        return reasons;
    }

    private async Task CheckWorkspaceAsync(
        WorkspaceId workspace, List<((OutboxEntry Entry, OutboxPayload Payload) Send, int Index)> sends, string?[] reasons, CancellationToken cancellationToken)
    {
        foreach (var channel in sends.Where(s => s.Send.Payload.Address is { Length: > 0 }).GroupBy(s => s.Send.Payload.Channel, StringComparer.Ordinal))
        {
            var suppressed = await store.Suppressions.SuppressedAmongAsync(
                workspace, channel.Key, channel.Select(s => s.Send.Payload.Address!).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var (send, index) in channel)
            {
                if (suppressed.Contains(Suppression.NormalizeAddress(send.Payload.Address!)))
                {
                    reasons[index] = $"the {send.Payload.Channel} address is suppressed";
                }
            }
        }

        var marketing = sends.Where(s => reasons[s.Index] is null && s.Send.Payload.Marketing).ToList();
        if (marketing.Count == 0)
        {
            return;
        }

        var runtime = await registry.GetAsync(workspace, cancellationToken).ConfigureAwait(false);
        var live = new Dictionary<string, JourneyDefinition>(StringComparer.Ordinal);
        foreach (var journey in runtime.Compiled.Workspace.Journeys)
        {
            live.TryAdd(journey.Id, journey);
        }

        var stillLive = new List<(OutboxEntry Entry, OutboxPayload Payload, JourneyDefinition Journey, int Index)>(marketing.Count);
        foreach (var (send, index) in marketing)
        {
            if (live.TryGetValue(send.Payload.Journey, out var journey))
            {
                stillLive.Add((send.Entry, send.Payload, journey, index));
            }
            else
            {
                reasons[index] = $"journey '{send.Payload.Journey}' is no longer live";
            }
        }

        if (stillLive.Count == 0)
        {
            return;
        }

        var consents = await store.Consent.ListForPersonsAsync(
            workspace, stillLive.Select(s => s.Entry.Key.PersonId).ToList(), cancellationToken).ConfigureAwait(false);
        foreach (var (entry, payload, journey, index) in stillLive)
        {
            if (consents.TryGetValue(entry.Key.PersonId, out var statements))
            {
                reasons[index] = WithdrawnAfterDecision(entry, payload, journey, statements);
            }
        }
    }

    /// <summary>Only refusals recorded after the decision: earlier ones the engine has already weighed.</summary>
    private static string? WithdrawnAfterDecision(OutboxEntry entry, OutboxPayload payload, JourneyDefinition journey, IReadOnlyList<ConsentRecord> statements)
    {
        foreach (var consent in statements)
        {
            if (!consent.Granted && consent.At > entry.CreatedAt
                && (consent.Topic is "all" or "marketing" || consent.Topic == payload.Channel || consent.Topic == journey.Topic))
            {
                return $"consent to '{consent.Topic}' was withdrawn ({consent.Source}) after the decision";
            }
        }

        return null;
    }
}
