namespace Trellis.Delivery.Tests.Support;

/// <summary>Waiting for something another thread or process does: poll with a deadline, never a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"gave up waiting for {what}");
            }

            await Task.Delay(20);
        }
    }

    public static Task UntilTrueAsync(Func<Task<bool>> condition, string what, TimeSpan? deadline = null) =>
        UntilAsync(async () => await condition() ? "yes" : null, what, deadline);
}
