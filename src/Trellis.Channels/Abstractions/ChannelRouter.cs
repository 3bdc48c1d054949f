using Trellis.Core.Journeys;

namespace Trellis.Channels;

/// <summary>
/// One <see cref="IChannelSender"/> for all channels: hands each message to the sender registered
/// for its channel. A channel with no sender fails permanently as misconfigured rather than throwing.
/// </summary>
public sealed class ChannelRouter(IReadOnlyDictionary<Channel, IChannelSender> senders) : IChannelSender
{
    public IReadOnlyCollection<Channel> Channels => senders.Keys.ToArray();

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        return senders.TryGetValue(message.Channel, out var sender)
            ? sender.SendAsync(message, ct)
            : Task.FromResult<DeliveryResult>(new DeliveryFailed(
                FailureReason.Misconfigured, $"no sender is configured for channel '{message.Channel.Name()}'"));
    }
}
