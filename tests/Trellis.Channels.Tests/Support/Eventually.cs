namespace Trellis.Channels.Tests.Support;

/// <summary>Polling with a deadline: how tests wait for things that happen in other processes or threads.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(20);

    public static async Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        await ValueAsync(() => condition() ? "yes" : null, what, deadline);

    /// <summary>
    /// Runs <paramref name="task"/> to completion on a manual clock: whenever a timer is due within
    /// <paramref name="horizon"/> (a backoff, a Retry-After), moves the clock to it. Timers further
    /// out (attempt timeouts) are never fired, so they can't cut a real request short.
    /// </summary>
    public static async Task<T> DriveAsync<T>(Task<T> task, ManualTimeProvider clock, TimeSpan? horizon = null, TimeSpan? deadline = null)
    {
        var reach = horizon ?? TimeSpan.FromMinutes(2);
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the send did not finish on the manual clock");
            }

            if (clock.NextTimerIn() is { } next && next <= reach)
            {
                clock.Advance(next < TimeSpan.Zero ? TimeSpan.Zero : next);
                continue;
            }

            await Task.WhenAny(task, Task.Delay(5));
        }

        return await task;
    }
}
