namespace Trellis.Server.Processing;

/// <summary>
/// Wakes the engine worker as soon as there is new work (an acknowledged event, a published journey),
/// so events reach the engine at once instead of at the next poll.
/// </summary>
public sealed class WorkSignal
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
