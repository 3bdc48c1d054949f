namespace Trellis.Channels.Email.Smtp;

/// <summary>Counters of one SMTP pool, read by /metrics: how often a session was opened versus reused, and what is open now.</summary>
public sealed class SmtpPoolStats
{
    private long _opened;
    private long _reused;
    private long _closed;
    private int _busy;
    private int _idle;

    public long Opened => Interlocked.Read(ref _opened);

    public long Reused => Interlocked.Read(ref _reused);

    public long Closed => Interlocked.Read(ref _closed);

    /// <summary>Sessions carrying a message right now.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Sessions open and waiting in the pool.</summary>
    public int Idle => Volatile.Read(ref _idle);

    internal void OnOpened() => Interlocked.Increment(ref _opened);

    internal void OnReused() => Interlocked.Increment(ref _reused);

    internal void OnClosed() => Interlocked.Increment(ref _closed);

    internal void OnBusy(int delta) => Interlocked.Add(ref _busy, delta);

    internal void OnIdle(int delta) => Interlocked.Add(ref _idle, delta);
}
