using Trellis.Server.Hosting;
using Trellis.Server.Processing;

namespace Trellis.Server.Ingestion;

/// <summary>
/// Backpressure for ingestion: a request may append its events only while the engine's backlog (the
/// <see cref="EngineBacklog"/> estimate plus the events of requests already admitted and still appending) stays
/// within <see cref="IngestionSettings.MaxBacklog"/>. Over it the request is held until the engine commits
/// enough, at most <see cref="IngestionSettings.MaxWait"/>, and then refused. The decision is taken before
/// anything is stored, so a refused request stored nothing. Admitted events are reserved at once, so that
/// requests released together by one engine commit cannot all pass on the same reading.
/// </summary>
internal sealed class IngestionAdmission
{
    private readonly EngineBacklog _backlog;
    private readonly IngestionSettings _settings;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private long _reserved;
    private int _waiting;

    public IngestionAdmission(EngineBacklog backlog, TrellisSettings settings, TimeProvider time)
    {
        _backlog = backlog;
        _settings = settings.Ingestion;
        _time = time;
    }

    /// <summary>Requests being held right now, waiting for room.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Events admitted and still being appended.</summary>
    public long Reserved
    {
        get
        {
            lock (_lock)
            {
                return _reserved;
            }
        }
    }

    /// <summary>
    /// Admits <paramref name="events"/> events, waiting for room if need be. True: admitted, and the caller must
    /// call <see cref="Release"/> with the same count once its append has finished (committed or not). False:
    /// still no room after the longest wait; nothing is reserved. <paramref name="held"/> says whether it had to wait.
    /// </summary>
    public async Task<(bool Admitted, bool Held)> EnterAsync(int events, CancellationToken cancellationToken)
    {
        if (_settings.MaxBacklog <= 0)
        {
            return (true, false);
        }

        var started = _time.GetTimestamp();
        var held = false;
        try
        {
            while (true)
            {
                // Taken before reading the estimate: a commit in between then completes it and is not missed.
                var changed = _backlog.Changed;
                if (TryReserve(events))
                {
                    return (true, held);
                }

                if (!held)
                {
                    held = true;
                    Interlocked.Increment(ref _waiting);
                }

                var left = _settings.MaxWait - _time.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    return (false, true);
                }

                try
                {
                    await changed.WaitAsync(left, _time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // One last look below; the loop then refuses when there is still no room.
                }
            }
        }
        finally
        {
            if (held)
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    public void Release(int events)
    {
        if (_settings.MaxBacklog <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _reserved -= events;
        }
    }

    /// <summary>Whole seconds for <c>Retry-After</c>, at least 1.</summary>
    public string RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(_settings.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private bool TryReserve(int events)
    {
        lock (_lock)
        {
            var pending = _backlog.Events + _reserved;
            // An empty pipeline always admits, so a request larger than the bound is not refused forever.
            if (pending + events > _settings.MaxBacklog && pending > 0)
            {
                return false;
            }

            _reserved += events;
            return true;
        }
    }
}
