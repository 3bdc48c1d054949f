using System.Globalization;
using System.Text.Json;
using NodaTime;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Delivery;
using Trellis.Server.Processing;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Dispatch;

/// <summary>
/// The dispatcher checks a claimed batch with one read of suppressions and one of consent, and records the outcomes
/// in batches: each entry must still get exactly its own verdict and outcome, as when entries went one by one.
/// </summary>
public sealed class BatchedDispatchTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task Each_entry_of_one_claimed_batch_gets_its_own_verdict_and_outcome()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture) });
        var now = SystemClock.Instance.GetCurrentInstant();
        await server.Store.Suppressions.AddAsync(Workspace, new Suppression("email", "Sup@Example.test", "hard bounce", now));
        Assert.True(await server.Store.Consent.RecordAsync(Workspace, "wd", new ConsentRecord("news", false, "unsubscribe", now + Duration.FromMilliseconds(1))));
        Assert.True(await server.Store.Consent.RecordAsync(Workspace, "old", new ConsentRecord("news", false, "unsubscribe", now - Duration.FromMinutes(1))));

        // All due at the same moment, later than now: the dispatcher cannot take them one by one as they are queued.
        var due = now + Duration.FromMilliseconds(1500);
        await Enqueue(server, "ok1", marketing: false, "news", now, due);
        await Enqueue(server, "sup", marketing: false, "news", now, due);
        await Enqueue(server, "wd", marketing: true, "news", now, due);
        await Enqueue(server, "old", marketing: true, "news", now, due);
        await Enqueue(server, "gone", marketing: true, "retired", now, due);
        await Enqueue(server, "ok2", marketing: true, "news", now, due);

        foreach (var person in new[] { "ok1", "old", "ok2" })
        {
            var sent = await server.WaitForOutboxAsync(person, e => e.Status == OutboxStatus.Sent, $"{person}'s email sent");
            Assert.Null(sent.LastError);
            Assert.NotNull(sent.ProviderMessageId);
        }

        Assert.Equal("cancelled: the email address is suppressed", (await Failed(server, "sup")).LastError);
        Assert.Equal("cancelled: consent to 'news' was withdrawn (unsubscribe) after the decision", (await Failed(server, "wd")).LastError);
        Assert.Equal("cancelled: journey 'retired' is no longer live", (await Failed(server, "gone")).LastError);
        var stats = server.Service<DeliveryStats>();
        Assert.Equal(1, stats.Claims);
        Assert.Equal((3L, 3L, 0L, 0L), (stats.Sent, stats.Cancelled, stats.Failed, stats.LostLeases));
        var received = sink.Received().SelectMany(e => e.RcptTo).ToList();
        foreach (var person in new[] { "ok1", "old", "ok2" })
        {
            Assert.Single(received, r => r == $"{person}@example.test");
        }

        Assert.DoesNotContain(received, r => r is "sup@example.test" or "wd@example.test" or "gone@example.test");
    }

    private static Task<OutboxEntry> Failed(DeliveryServer server, string person) =>
        server.WaitForOutboxAsync(person, e => e.Status == OutboxStatus.Failed, $"{person}'s entry recorded failed");

    private static async Task Enqueue(DeliveryServer server, string person, bool marketing, string journey, Instant decidedAt, Instant due)
    {
        var payload = new OutboxPayload
        {
            Journey = journey, Step = "news-email", Template = "news", Channel = "email", Instance = 1, Marketing = marketing,
            Address = $"{person}@example.test", UnsubscribeUrl = marketing ? "https://127.0.0.1/unsubscribe/test-token" : null,
            Parts = new Dictionary<string, string> { ["subject"] = "Hi", ["text"] = "Hello", ["html"] = "<p>Hello <a href=\"https://acme.example.test/\">there</a></p>" },
        };
        var key = new SendKey(person, $"{journey}#1", payload.Step, 1);
        Assert.True(await server.Store.Outbox.EnqueueAsync(Workspace, new OutboxMessage(key, payload.Channel, JsonSerializer.Serialize(payload), due), decidedAt));
    }
}
