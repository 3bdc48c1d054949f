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
/// the dispatcher drops the ones already queued.
/// </summary>
/// <remarks>
/// The counts live in the store (<see cref="IGuardrailCounts"/>), one row per journey and bucket of
/// 1/<see cref="BucketsPerWindow"/> of the window, so they survive a restart and processes sharing a database
/// judge the same rates. Sends are the hot path: they are only counted in memory here and added to the store in
/// one increment per bucket by <see cref="FlushAsync"/> (every <see cref="GuardrailOptions.FlushInterval"/>, on
/// shutdown and before every check). Complaints and unsubscribes are rare and written at once; a crash loses at
/// most one flush interval of send counts, which can only make the guardrail stricter, never blind.
/// </remarks>
public sealed class GuardrailMonitor(
    ITrellisStore store,
    WorkspaceContentRegistry registry,
    GuardrailOptions options,
    IClock clock,
    ILogger<GuardrailMonitor> logger)
{
    public const int BucketsPerWindow = 96;

    private readonly ConcurrentDictionary<(WorkspaceId Workspace, string Journey, Instant Bucket), long> _pendingSends = new();
    private readonly long _bucketTicks = Math.Max(1, options.Window.Ticks / BucketsPerWindow);

    public void RecordSend(WorkspaceId workspace, string journey) =>
        _pendingSends.AddOrUpdate((workspace, journey, BucketOf(clock.GetCurrentInstant())), 1, (_, n) => n + 1);

    public async Task RecordComplaintAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        await store.GuardrailCounts.AddAsync(workspace, journey, BucketOf(clock.GetCurrentInstant()), new GuardrailTally(0, 1, 0), cancellationToken);
        await CheckAsync(workspace, journey, cancellationToken);
    }

    public async Task RecordUnsubscribeAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        await store.GuardrailCounts.AddAsync(workspace, journey, BucketOf(clock.GetCurrentInstant()), new GuardrailTally(0, 0, 1), cancellationToken);
        await CheckAsync(workspace, journey, cancellationToken);
    }

    /// <summary>Adds the sends counted in memory to the store; returns how many buckets were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var key in _pendingSends.Keys)
        {
            // TryRemove takes the count atomically: a send recorded meanwhile starts a new pending count.
            if (!_pendingSends.TryRemove(key, out var sends))
            {
                continue;
            }

            try
            {
                await store.GuardrailCounts.AddAsync(key.Workspace, key.Journey, key.Bucket, new GuardrailTally(sends, 0, 0), cancellationToken);
                written++;
            }
            catch
            {
                // Not written: keep the count for the next flush rather than lose it.
                _pendingSends.AddOrUpdate(key, sends, (_, n) => n + sends);
                throw;
            }
        }

        return written;
    }

    /// <summary>Deletes buckets that left the window long ago (two windows back, so a longer window configured later still finds a day).</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.GuardrailCounts.PruneAsync(BucketOf(clock.GetCurrentInstant()) - 2 * Duration.FromTimeSpan(options.Window), cancellationToken);

    /// <summary>The journey's counts over the window that ends now (sends not yet flushed included).</summary>
    public async Task<GuardrailTally> RatesAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var current = BucketOf(clock.GetCurrentInstant());
        var after = current - Duration.FromTicks(_bucketTicks * BucketsPerWindow);
        return await store.GuardrailCounts.SumAsync(workspace, journey, after, current, cancellationToken);
    }

    /// <summary>Pauses the journey when a rate is over its threshold; returns the reason, or null when it was left alone.</summary>
    public async Task<string?> CheckAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return null;
        }

        var reason = Breach(await RatesAsync(workspace, journey, cancellationToken));
        if (reason is null)
        {
            return null;
        }

        var record = await store.Journeys.GetAsync(workspace, journey, cancellationToken);
        if (record is not { Status: JourneyStatus.Live })
        {
            return null;
        }

        await store.Journeys.SetStatusAsync(workspace, journey, JourneyStatus.PausedByGuardrail, reason, clock.GetCurrentInstant(), cancellationToken);
        await registry.ReloadAsync(workspace, cancellationToken);
        logger.LogWarning("Journey {Journey} of workspace {Workspace} paused by a guardrail: {Reason}", journey, workspace, reason);
        return reason;
    }

    private string? Breach(GuardrailTally rates)
    {
        var sends = rates.Sends;
        if (sends < Math.Max(1, options.MinSends))
        {
            return null;
        }

        if ((double)rates.Complaints / sends > options.ComplaintRate)
        {
            return Describe("complaint", rates.Complaints, sends, options.ComplaintRate);
        }

        return (double)rates.Unsubscribes / sends > options.UnsubscribeRate
            ? Describe("unsubscribe", rates.Unsubscribes, sends, options.UnsubscribeRate)
            : null;
    }

    private string Describe(string what, long count, long sends, double threshold) => string.Format(
        CultureInfo.InvariantCulture,
        "guardrail: {0} rate {1:0.###}% ({2} of {3} marketing sends in the last {4:0.#}h) is above {5:0.###}%",
        what, 100.0 * count / sends, count, sends, options.Window.TotalHours, 100 * threshold);

    private Instant BucketOf(Instant at) => Instant.FromUnixTimeTicks(Math.DivRem(at.ToUnixTimeTicks(), _bucketTicks, out var rest) * _bucketTicks - (rest < 0 ? _bucketTicks : 0));
}
