namespace Trellis.Channels.Tests.Support;

/// <summary>
/// A clock the test moves. Timers (Task.Delay, CancellationTokenSource timeouts, Polly's delays)
/// fire only when <see cref="Advance"/> passes their due time, so no test waits on the wall clock.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private readonly List<TimeSpan> requestedDelays = [];
    private DateTimeOffset now = start;

    public ManualTimeProvider()
        : this(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Every due time any timer was given, in order: what the code under test chose to wait.</summary>
    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (gate)
            {
                return requestedDelays.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>How long until the earliest pending timer, if any.</summary>
    public TimeSpan? NextTimerIn()
    {
        lock (gate)
        {
            return timers.Count == 0 ? null : timers.Min(t => t.DueAt) - now;
        }
    }

    public void Advance(TimeSpan by)
    {
        DateTimeOffset target;
        lock (gate)
        {
            target = now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (gate)
            {
                next = timers.Where(t => t.DueAt <= target).MinBy(t => t.DueAt);
                if (next is null)
                {
                    now = target;
                    return;
                }

                now = next.DueAt > now ? next.DueAt : now;
                timers.Remove(next);
                if (next.Period > TimeSpan.Zero)
                {
                    next.DueAt = now + next.Period;
                    timers.Add(next);
                }
            }

            next.Fire(); // outside the lock: callbacks may create or change timers
        }
    }

    internal void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            requestedDelays.Add(dueTime);
            timer.DueAt = now + dueTime;
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timers.Add(timer);
        }

        // A zero due time also waits for the next Advance: firing inside CreateTimer would run
        // callbacks before their owner (a CancellationTokenSource, say) has finished constructing.
    }

    internal void Cancel(ManualTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }
}
