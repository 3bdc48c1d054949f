namespace Trellis.Channels.Tests.Support;

/// <summary>A timer owned by a <see cref="ManualTimeProvider"/>.</summary>
internal sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    public DateTimeOffset DueAt { get; set; }

    public TimeSpan Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        clock.Schedule(this, dueTime, period);
        return true;
    }

    public void Fire() => callback(state);

    public void Dispose() => clock.Cancel(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
