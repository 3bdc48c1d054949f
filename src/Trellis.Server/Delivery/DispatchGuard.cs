using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// The last look before a send leaves: the engine decided with what it knew then, and a hard bounce, an
/// unsubscribe or a guardrail pause may have come in since. A suppressed address is never sent to; a marketing
/// send is dropped when its journey is no longer live or the person refused consent after the decision.
/// </summary>
public sealed class DispatchGuard(ITrellisStore store, WorkspaceContentRegistry registry)
{
    /// <summary>Null when the send may go; otherwise why it must not.</summary>
    public async Task<string?> ReasonToCancelAsync(OutboxEntry entry, OutboxPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Address is { Length: > 0 } address
            && await store.Suppressions.IsSuppressedAsync(entry.Workspace, payload.Channel, address, cancellationToken))
        {
            return $"the {payload.Channel} address is suppressed";
        }

        if (!payload.Marketing)
        {
            return null;
        }

        var runtime = await registry.GetAsync(entry.Workspace, cancellationToken);
        var journey = runtime.Compiled.Workspace.Journeys.FirstOrDefault(j => j.Id == payload.Journey);
        if (journey is null)
        {
            return $"journey '{payload.Journey}' is no longer live";
        }

        // Only refusals recorded after the decision: earlier ones the engine has already weighed.
        foreach (var consent in await store.Consent.ListAsync(entry.Workspace, entry.Key.PersonId, cancellationToken))
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
