namespace Trellis.Server.Processing;

/// <summary>
/// An estimate of the events this process has accepted that its engine has not yet decided and committed, kept
/// in memory so that ingestion can apply backpressure without a database read per request. Ingestion adds what
/// it appended; the engine worker subtracts what it committed. Whenever a claim comes back short of a full batch,
/// the engine has caught up: everything accepted before that claim began is done or in flight, so the estimate
/// is reset to the events in flight plus what was accepted since. That also corrects what the plain count cannot
/// see: events of other processes (PostgreSQL scale-out) and events stored before a restart, which this engine
/// processes but this process never accepted (the estimate is then low until the next short claim; it never
/// goes below zero, nor banks the excess as credit), and
/// this process's events that another process's engine decided (high until the next short claim).
/// </summary>
public sealed class EngineBacklog
{
    private readonly Lock _lock = new();
    private long _accepted;
    private long _processed;
    private long _acceptedAtReset;
    private long _inFlightAtReset;
    private long _processedAtReset;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Events accepted so far (monotonic); the engine reads it before a claim to reset against.</summary>
    public long AcceptedSoFar
    {
        get
        {
            lock (_lock)
            {
                return _accepted;
            }
        }
    }

    /// <summary>The estimate now, never negative.</summary>
    public long Events
    {
        get
        {
            lock (_lock)
            {
                return EstimateLocked();
            }
        }
    }

    /// <summary>
    /// Completes the next time the estimate may have fallen (a commit or a reset). Take it <em>before</em> reading
    /// <see cref="Events"/>, so a fall between the two is not missed.
    /// </summary>
    public Task Changed
    {
        get
        {
            lock (_lock)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Ingestion committed <paramref name="events"/> new events.</summary>
    public void Accepted(int events)
    {
        if (events <= 0)
        {
            return;
        }

        lock (_lock)
        {
            _accepted += events;
        }
    }

    /// <summary>The engine committed its decisions for <paramref name="events"/> events.</summary>
    public void Processed(int events)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _processed += events;
            if (UnclampedLocked() < 0)
            {
                // More decided than accepted here since the last reset: the excess was not this process's (stored
                // before a restart, or accepted by another process). Re-based at zero instead of carried as a
                // credit, which would let later requests past the bound for as long as claims stay full.
                _acceptedAtReset = _accepted;
                _inFlightAtReset = 0;
                _processedAtReset = _processed;
            }

            changed = SwapSignalLocked();
        }

        changed.TrySetResult();
    }

    /// <summary>
    /// The engine's claim that began when <see cref="AcceptedSoFar"/> was <paramref name="acceptedBeforeClaim"/>
    /// came back short of a full batch: the backlog is now <paramref name="inFlight"/> (claimed, not yet
    /// committed) plus whatever was accepted after the claim began.
    /// </summary>
    public void CaughtUp(long acceptedBeforeClaim, long inFlight)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _acceptedAtReset = acceptedBeforeClaim;
            _inFlightAtReset = inFlight;
            _processedAtReset = _processed;
            changed = SwapSignalLocked();
        }

        changed.TrySetResult();
    }

    private long EstimateLocked() => Math.Max(0, UnclampedLocked());

    /// <summary>Accepted since the last reset, plus what was in flight then, minus what was decided since.</summary>
    private long UnclampedLocked() => _accepted - _acceptedAtReset + _inFlightAtReset - (_processed - _processedAtReset);

    private TaskCompletionSource SwapSignalLocked()
    {
        var fired = _changed;
        _changed = NewSignal();
        return fired;
    }

    // Asynchronous continuations: waiting requests must not run on the engine worker's thread.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
