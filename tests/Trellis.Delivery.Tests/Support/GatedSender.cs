using Trellis.Channels;

namespace Trellis.Delivery.Tests.Support;

/// <summary>A provider that holds every send until opened, and counts the sends it has at once.</summary>
internal sealed class GatedSender : IChannelSender
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _sent;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Sent => Volatile.Read(ref _sent);

    public void Open() => _gate.TrySetResult();

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            await _gate.Task.WaitAsync(ct);
            Interlocked.Increment(ref _sent);
            return new Delivered($"<{message.PersonId}@test>");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
