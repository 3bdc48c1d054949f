namespace Trellis.Server.Hosting;

/// <summary>
/// Wakes one background loop as soon as it has something to do, instead of at its next poll. Any number of
/// notifications before the loop waits again collapse into one wake-up. Each loop has its own subclass, so that
/// dependency injection tells them apart (<c>WorkSignal</c> for the engine, <c>OutboxSignal</c> for delivery).
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up is enough.
        }
    }

    /// <summary>Waits until notified or until <paramref name="timeout"/>; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);
}
