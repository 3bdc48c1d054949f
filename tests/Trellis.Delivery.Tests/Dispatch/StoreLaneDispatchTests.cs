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
/// In-app messages the store delivers itself need no send slot: after a claim of nothing else the dispatcher claims
/// them by the hundred instead of by the slots' room, and a provider entry caught in such a claim still waits for a slot.
/// </summary>
public sealed class StoreLaneDispatchTests
{
    [Fact]
    public async Task A_backlog_of_in_app_messages_is_delivered_in_a_few_large_claims()
    {
        await using var server = await StartAsync(TestContent.InApp(), new Dictionary<string, string?> { ["Trellis:Delivery:Concurrency"] = "2" });
        var persons = Enumerable.Range(0, 600).Select(i => $"a{i}").ToArray();
        // Due a moment from now, so the dispatcher finds the whole backlog at once rather than entries as they come.
        var due = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(2);
        foreach (var person in persons)
        {
            await EnqueueAsync(server, person, InAppPayload(), due);
        }

        var stats = server.Service<DeliveryStats>();
        await Poll.UntilTrueAsync(async () => await SentAsync(server, persons) == persons.Length, "every in-app message sent", TimeSpan.FromSeconds(30));

        // Slots' room alone (2 slots + 2 ahead) would take 150 claims; the first claim is by the room, the next by the hundred.
        Assert.InRange(stats.Claims, 3, 12);
        var inbox = await server.Store.Inbox.ListAsync(Workspace, "a599", unreadOnly: false, limit: 10);
        Assert.Equal("A tip", Assert.Single(inbox).Title);
    }

    [Fact]
    public async Task With_the_lane_off_in_app_messages_are_claimed_by_the_slots_room_as_on_postgresql()
    {
        await using var server = await StartAsync(TestContent.InApp(), new Dictionary<string, string?>
        {
            ["Trellis:Delivery:Concurrency"] = "2",
            ["Trellis:Delivery:SettledClaim"] = "0",
        });
        var persons = Enumerable.Range(0, 100).Select(i => $"c{i}").ToArray();
        var due = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(2);
        foreach (var person in persons)
        {
            await EnqueueAsync(server, person, InAppPayload(), due);
        }

        await Poll.UntilTrueAsync(async () => await SentAsync(server, persons) == persons.Length, "every in-app message sent", TimeSpan.FromSeconds(30));

        // 2 slots + 2 ahead: at most 4 entries a claim.
        Assert.True(server.Service<DeliveryStats>().Claims >= 25, $"{server.Service<DeliveryStats>().Claims} claims");
    }

    [Fact]
    public async Task Provider_sends_in_a_large_claim_still_wait_for_a_slot()
    {
        var sender = new GatedSender();
        await using var server = await StartAsync(TestContent.InApp(), new Dictionary<string, string?> { ["Trellis:Delivery:Concurrency"] = "2" },
            services => services.AddSingleton<IChannelSender>(sender));
        var due = SystemClock.Instance.GetCurrentInstant() + Duration.FromSeconds(2);
        var inApp = Enumerable.Range(0, 40).Select(i => $"b{i}").ToArray();
        var email = Enumerable.Range(0, 30).Select(i => $"e{i}").ToArray();
        foreach (var person in inApp)
        {
            await EnqueueAsync(server, person, InAppPayload(), due);
        }

        // Due just after the in-app backlog: the claim after the first (settled-only) one takes both kinds.
        foreach (var person in email)
        {
            await EnqueueAsync(server, person, EmailPayload(person), due + Duration.FromMilliseconds(1));
        }

        await Poll.UntilTrueAsync(async () => await SentAsync(server, inApp) == inApp.Length && sender.InFlight == 2, "in-app sent, 2 emails held by the provider", TimeSpan.FromSeconds(30));
        Assert.True(await ClaimedAsync(server, email) > 2, "emails were claimed ahead of their slots by the large claim");

        sender.Open();
        await Poll.UntilTrueAsync(async () => await SentAsync(server, email) == email.Length, "every email sent", TimeSpan.FromSeconds(30));
        Assert.Equal(2, sender.MaxInFlight);
        Assert.Equal(email.Length, sender.Sent);
    }

    private static OutboxPayload InAppPayload() => new()
    {
        Journey = "tips", Step = "tip", Template = "tip", Channel = "in_app", Instance = 1, Marketing = false,
        Parts = new Dictionary<string, string> { ["title"] = "A tip", ["body"] = "Invite a teammate." },
    };

    private static OutboxPayload EmailPayload(string person) => new()
    {
        Journey = "tips", Step = "tip", Template = "tip", Channel = "email", Instance = 1, Marketing = false,
        Address = $"{person}@example.test",
        Parts = new Dictionary<string, string> { ["subject"] = "Hi", ["text"] = "Hello", ["html"] = "<p>Hello</p>" },
    };

    private static async Task EnqueueAsync(DeliveryServer server, string person, OutboxPayload payload, Instant due)
    {
        var key = new SendKey(person, "tips#1", payload.Step, 1);
        Assert.True(await server.Store.Outbox.EnqueueAsync(Workspace, new OutboxMessage(key, payload.Channel, JsonSerializer.Serialize(payload), due), due));
    }

    private static async Task<int> SentAsync(DeliveryServer server, IEnumerable<string> persons) => await OutboxCounts.CountAsync(server, persons, OutboxStatus.Sent);

    private static async Task<int> ClaimedAsync(DeliveryServer server, IEnumerable<string> persons) => await OutboxCounts.CountAsync(server, persons, OutboxStatus.Claimed);

}
