using System.Collections.Concurrent;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Recent sends of this process by provider message id, and the person behind each address they went to, so
/// provider feedback (a bounce, a complaint, a delivery, an SMS reply) can be traced back to the person and the
/// step. In memory and bounded (oldest forgotten first): a fast path in front of the outbox, which keeps each
/// sent entry's provider id (<see cref="IOutbox.FindByProviderMessageIdAsync"/>) for messages this process no
/// longer remembers or never sent (another process, before a restart).
/// </summary>
public sealed class SentMessageIndex(int capacity = SentMessageIndex.DefaultCapacity)
{
    public const int DefaultCapacity = 500_000;

    private readonly ConcurrentDictionary<string, SentMessage> _byProviderId = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _providerIdsInOrder = new();
    private readonly ConcurrentDictionary<string, (WorkspaceId Workspace, string PersonId)> _byAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _addressesInOrder = new();

    public void Record(string providerMessageId, SentMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = NormalizeId(providerMessageId);
        if (id.Length > 0 && _byProviderId.TryAdd(id, message))
        {
            _providerIdsInOrder.Enqueue(id);
            Trim(_providerIdsInOrder, _byProviderId);
        }

        if (message.Address is { Length: > 0 } address)
        {
            var key = AddressKey(message.Channel, address);
            if (_byAddress.TryGetValue(key, out var known) && known == (message.Workspace, message.PersonId))
            {
                return;
            }

            _byAddress[key] = (message.Workspace, message.PersonId);
            _addressesInOrder.Enqueue(key);
            Trim(_addressesInOrder, _byAddress);
        }
    }

    /// <summary>The send behind a provider's message id (a Message-ID header, a Twilio sid, …), when remembered.</summary>
    public SentMessage? Find(string? providerMessageId) =>
        providerMessageId is null ? null : _byProviderId.GetValueOrDefault(NormalizeId(providerMessageId));

    /// <summary>The person this process last sent to at the address on the channel, when remembered.</summary>
    public (WorkspaceId Workspace, string PersonId)? FindPerson(string channel, string address) =>
        _byAddress.TryGetValue(AddressKey(channel, address), out var found) ? found : null;

    /// <summary>Message-IDs come with or without angle brackets depending on who reports them; stored and looked up without.</summary>
    public static string NormalizeId(string id) => id.Trim().Trim('<', '>').Trim();

    private static string AddressKey(string channel, string address) => $"{channel}:{Suppression.NormalizeAddress(address)}";

    private void Trim<TValue>(ConcurrentQueue<string> order, ConcurrentDictionary<string, TValue> map)
    {
        while (map.Count > capacity && order.TryDequeue(out var oldest))
        {
            map.TryRemove(oldest, out _);
        }
    }
}
