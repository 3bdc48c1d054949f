namespace Trellis.Channels.Tests.Support;

/// <summary>A sender that always delivers and counts how often it was asked.</summary>
public sealed class CountingSender : IChannelSender
{
    private int calls;

    public int Calls => calls;

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref calls);
        return Task.FromResult<DeliveryResult>(new Delivered($"id-{n}"));
    }
}
