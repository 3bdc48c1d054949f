namespace Trellis.Server.Delivery;

/// <summary>Counters of the outbox dispatcher (for logs, /metrics and the benchmark).</summary>
public sealed class DeliveryStats
{
    private long _sent;
    private long _retried;
    private long _failed;
    private long _cancelled;
    private long _lostLeases;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Transient failures put back for a later attempt.</summary>
    public long Retried => Interlocked.Read(ref _retried);

    /// <summary>Sends given up: permanent failures and exhausted retries.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Sends dropped before sending because the address was suppressed, consent withdrawn or the journey paused since the decision.</summary>
    public long Cancelled => Interlocked.Read(ref _cancelled);

    /// <summary>Outcomes that could not be recorded because the lease had passed to another dispatcher.</summary>
    public long LostLeases => Interlocked.Read(ref _lostLeases);

    public void RecordSent() => Interlocked.Increment(ref _sent);

    public void RecordRetried() => Interlocked.Increment(ref _retried);

    public void RecordFailed() => Interlocked.Increment(ref _failed);

    public void RecordCancelled() => Interlocked.Increment(ref _cancelled);

    public void RecordLostLease() => Interlocked.Increment(ref _lostLeases);
}
