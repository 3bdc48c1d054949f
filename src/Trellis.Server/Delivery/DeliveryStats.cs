using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Trellis.Server.Delivery;

/// <summary>Counters of the outbox dispatcher, in total and by channel (for logs, /metrics and the benchmark).</summary>
public sealed class DeliveryStats
{
    public const string SentOutcome = "sent";
    public const string RetriedOutcome = "retried";
    public const string FailedOutcome = "failed";
    public const string CancelledOutcome = "cancelled";

    private readonly ConcurrentDictionary<(string Channel, string Outcome), StrongBox<long>> _byChannel = new();
    private long _sent;
    private long _retried;
    private long _failed;
    private long _cancelled;
    private long _lostLeases;
    private long _claims;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Transient failures put back for a later attempt.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Sends given up: permanent failures and exhausted retries.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Sends dropped before sending because the address was suppressed, consent withdrawn or the journey paused since the decision.</summary>
    public long Cancelled => Interlocked.Read(ref _cancelled);

    /// <summary>Outcomes that could not be recorded because the lease had passed to another dispatcher.</summary>
    public long LostLeases => Interlocked.Read(ref _lostLeases);

    /// <summary>Claims that returned entries: the messages per claim say how well the dispatcher's store work is batched.</summary>
    public long Claims => Interlocked.Read(ref _claims);

    /// <summary>Every (channel, outcome) counted so far, ordered for stable output.</summary>
    public IReadOnlyList<(string Channel, string Outcome, long Count)> ByChannel =>
        _byChannel.Select(p => (p.Key.Channel, p.Key.Outcome, Interlocked.Read(ref p.Value.Value)))
            .OrderBy(p => p.Channel, StringComparer.Ordinal).ThenBy(p => p.Outcome, StringComparer.Ordinal).ToList();

    public void RecordSent(string channel) => Record(ref _sent, channel, SentOutcome);

    public void RecordRetried(string channel) => Record(ref _retried, channel, RetriedOutcome);

    public void RecordFailed(string channel) => Record(ref _failed, channel, FailedOutcome);

    public void RecordCancelled(string channel) => Record(ref _cancelled, channel, CancelledOutcome);

    public void RecordLostLease() => Interlocked.Increment(ref _lostLeases);

    public void RecordClaim() => Interlocked.Increment(ref _claims);

    private void Record(ref long total, string channel, string outcome)
    {
        Interlocked.Increment(ref total);
        Interlocked.Increment(ref _byChannel.GetOrAdd((channel, outcome), static _ => new StrongBox<long>()).Value);
    }
}
