using Trellis.Storage;

namespace Trellis.Delivery.Tests.Support;

/// <summary>How many of some persons' outbox entries are in a status.</summary>
internal static class OutboxCounts
{
    public static async Task<int> CountAsync(DeliveryServer server, IEnumerable<string> persons, OutboxStatus status)
    {
        var count = 0;
        foreach (var person in persons)
        {
            count += (await server.OutboxAsync(person)).Count(e => e.Status == status);
        }

        return count;
    }
}
