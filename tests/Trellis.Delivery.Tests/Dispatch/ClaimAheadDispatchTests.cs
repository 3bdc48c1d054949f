using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Trellis.Channels;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Delivery;
using Trellis.Server.Processing;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Dispatch;

/// <summary>
/// The dispatcher claims entries ahead of its free send slots (as many as the slots), so a slot that frees up finds its next entry
/// ready: it must still never have more sends in flight than its concurrency, never claim more than it has room
/// for, and hand back what it claimed ahead when the server stops, instead of leaving it leased.
/// </summary>
public sealed class ClaimAheadDispatchTests
{
    [Theory]
    [InlineData(-5, 2)]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(3, 3)]
    [InlineData(8, 8)]
    [InlineData(32, 32)]
    public void Claims_ahead_as_many_as_the_slots_and_at_least_two(int concurrency, int ahead) =>
        Assert.Equal(ahead, OutboxDispatcher.ClaimAhead(concurrency));

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(8, 4)]
    [InlineData(32, 16)]
    public void Gathers_room_for_half_the_slots_before_a_claim_and_never_more_than_is_claimed_ahead(int concurrency, int batch)
    {
        Assert.Equal(batch, OutboxDispatcher.ClaimBatch(concurrency));
        // Gathering that much room drains at most that many waiting entries: the rest keep the slots busy until the claim returns.
        Assert.True(OutboxDispatcher.ClaimBatch(concurrency) < OutboxDispatcher.ClaimAhead(concurrency));
    }

    [Fact]
    public async Task Sends_in_flight_never_exceed_the_concurrency_and_claims_stop_at_the_room_ahead()
    {
        var sender = new GatedSender();
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Delivery:Concurrency"] = "3" },
            services => services.AddSingleton<IChannelSender>(sender));
        var persons = Enumerable.Range(0, 12).Select(i => $"p{i}").ToArray();
        await EnqueueAsync(server, persons);

        // Three sends held by the provider, three more claimed and waiting for a slot, the rest untouched.
        await Poll.UntilTrueAsync(async () => sender.InFlight == 3 && await OutboxCounts.CountAsync(server, persons, OutboxStatus.Claimed) == 6, "3 sends in flight and 3 entries claimed ahead");
        Assert.Equal(6, await OutboxCounts.CountAsync(server, persons, OutboxStatus.Pending));

        sender.Open();
        await Poll.UntilTrueAsync(async () => await OutboxCounts.CountAsync(server, persons, OutboxStatus.Sent) == persons.Length, "every entry sent");
        Assert.Equal(3, sender.MaxInFlight);
        Assert.Equal(persons.Length, sender.Sent);
    }

    [Fact]
    public async Task Stopping_hands_back_the_entries_in_flight_and_those_claimed_ahead()
    {
        var sender = new GatedSender();
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Delivery:Concurrency"] = "2" },
            services => services.AddSingleton<IChannelSender>(sender));
        var persons = Enumerable.Range(0, 6).Select(i => $"s{i}").ToArray();
        await EnqueueAsync(server, persons);
        await Poll.UntilTrueAsync(async () => sender.InFlight == 2 && await OutboxCounts.CountAsync(server, persons, OutboxStatus.Claimed) == 4, "2 sends in flight and 2 entries claimed ahead");

        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await server.App.StopAsync(deadline.Token);
        }

        // Nothing is left leased: every entry is claimable again at once, and none was sent.
        var entries = (await Task.WhenAll(persons.Select(server.OutboxAsync))).SelectMany(e => e).ToList();
        Assert.Equal(persons.Length, entries.Count);
        Assert.All(entries, e => Assert.Equal(OutboxStatus.Pending, e.Status));
        Assert.Equal(4, entries.Count(e => e.LastError == "interrupted: the server stopped during the send"));
        Assert.Equal(0, sender.Sent);
        Assert.Equal(2, sender.MaxInFlight);
    }

    private static async Task EnqueueAsync(DeliveryServer server, IEnumerable<string> persons)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        foreach (var person in persons)
        {
            var payload = new OutboxPayload
            {
                Journey = "news", Step = "news-email", Template = "news", Channel = "email", Instance = 1, Marketing = false,
                Address = $"{person}@example.test",
                Parts = new Dictionary<string, string> { ["subject"] = "Hi", ["text"] = "Hello", ["html"] = "<p>Hello</p>" },
            };
            var key = new SendKey(person, "news#1", payload.Step, 1);
            Assert.True(await server.Store.Outbox.EnqueueAsync(Workspace, new OutboxMessage(key, payload.Channel, JsonSerializer.Serialize(payload), now), now));
        }
    }
}
