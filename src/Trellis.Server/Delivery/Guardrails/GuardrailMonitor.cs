using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery.Guardrails;

/// <summary>
/// Watches each journey's complaint and unsubscribe rates over a sliding window and pauses a live journey that
/// goes over a threshold: status <see cref="JourneyStatus.PausedByGuardrail"/> with the reason (shown by
/// <c>GET /api/journeys</c>), then the workspace's content is reloaded so the engine stops deciding its sends and
/// the dispatcher drops the ones already queued. The counts live in memory: after a restart the window fills
/// again from the sends of this process.
/// </summary>
public sealed class GuardrailMonitor(
    ITrellisStore store,
    WorkspaceContentRegistry registry,
    GuardrailOptions options,
    IClock clock,
    ILogger<GuardrailMonitor> logger)
{
    private readonly ConcurrentDictionary<(WorkspaceId Workspace, string Journey), JourneyRates> _rates = new();

    public void RecordSend(WorkspaceId workspace, string journey) => RatesOf(workspace, journey).Sends.Add(clock.GetCurrentInstant());

    public Task RecordComplaintAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        RatesOf(workspace, journey).Complaints.Add(clock.GetCurrentInstant());
        return CheckAsync(workspace, journey, cancellationToken);
    }

    public Task RecordUnsubscribeAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        RatesOf(workspace, journey).Unsubscribes.Add(clock.GetCurrentInstant());
        return CheckAsync(workspace, journey, cancellationToken);
    }

    /// <summary>Pauses the journey when a rate is over its threshold; returns the reason, or null when it was left alone.</summary>
    public async Task<string?> CheckAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        if (!options.Enabled || !_rates.TryGetValue((workspace, journey), out var rates))
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var reason = Breach(rates, now);
        if (reason is null)
        {
            return null;
        }

        var record = await store.Journeys.GetAsync(workspace, journey, cancellationToken);
        if (record is not { Status: JourneyStatus.Live })
        {
            return null;
        }

        await store.Journeys.SetStatusAsync(workspace, journey, JourneyStatus.PausedByGuardrail, reason, now, cancellationToken);
        await registry.ReloadAsync(workspace, cancellationToken);
        logger.LogWarning("Journey {Journey} of workspace {Workspace} paused by a guardrail: {Reason}", journey, workspace, reason);
        return reason;
    }

    private string? Breach(JourneyRates rates, Instant now)
    {
        var sends = rates.Sends.Total(now);
        if (sends < Math.Max(1, options.MinSends))
        {
            return null;
        }

        var complaints = rates.Complaints.Total(now);
        if ((double)complaints / sends > options.ComplaintRate)
        {
            return Describe("complaint", complaints, sends, options.ComplaintRate);
        }

        var unsubscribes = rates.Unsubscribes.Total(now);
        return (double)unsubscribes / sends > options.UnsubscribeRate
            ? Describe("unsubscribe", unsubscribes, sends, options.UnsubscribeRate)
            : null;
    }

    private string Describe(string what, long count, long sends, double threshold) => string.Format(
        CultureInfo.InvariantCulture,
        "guardrail: {0} rate {1:0.###}% ({2} of {3} marketing sends in the last {4:0.#}h) is above {5:0.###}%",
        what, 100.0 * count / sends, count, sends, options.Window.TotalHours, 100 * threshold);

    private JourneyRates RatesOf(WorkspaceId workspace, string journey) =>
        _rates.GetOrAdd((workspace, journey), _ => new JourneyRates(options.Window));
}
