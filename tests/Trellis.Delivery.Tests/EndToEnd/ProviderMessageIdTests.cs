using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Processing;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>
/// The provider's id for each send is kept with the outbox entry: shown in the profile timeline, and what lets
/// a bounce for a message this process never sent (another process, before a restart) find its person and step.
/// </summary>
public sealed class ProviderMessageIdTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private Dictionary<string, string?> Smtp() => new() { ["Trellis:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task A_sent_email_keeps_its_message_id_and_the_admin_timeline_shows_it()
    {
        await using var server = await StartAsync(TestContent.Email(), Smtp());
        const string address = "ids.ada@example.test";
        await server.SendAsync(Identify("ada", new { email = address }), Track("ada", "news_requested"));

        var email = await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the news email");
        var sent = await server.WaitForOutboxAsync("ada", e => e.Status == OutboxStatus.Sent, "the sent outbox entry");

        var messageId = email.Header("Message-ID")!;
        Assert.Equal(messageId.Trim('<', '>'), sent.ProviderMessageId);
        Assert.Equal(sent.Id, (await server.Store.Outbox.FindByProviderMessageIdAsync(sent.ProviderMessageId!))!.Id);
        using var admin = server.Admin();
        using var timeline = JsonDocument.Parse(await admin.GetStringAsync("/api/profiles/ada/timeline"));
        var send = Assert.Single(timeline.RootElement.GetProperty("sends").EnumerateArray());
        Assert.Equal(sent.ProviderMessageId, send.GetProperty("providerMessageId").GetString());
        Assert.Equal("sent", send.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bounce_for_a_send_only_the_store_remembers_is_attributed_to_its_person_and_step()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificateUrl = sns.Serve("valid", certificate);
        await using var server = await StartAsync(TestContent.Email(), Smtp(), sns.Services);
        const string address = "elsewhere@example.test";
        await server.SendAsync(Identify("cy", new { email = address }));
        await Poll.UntilTrueAsync(async () => await server.Store.Persons.GetProfileAsync(Workspace, "cy") is not null, "cy's profile");
        // A send recorded by another dispatcher: in the store, not in this process's memory. Due far ahead, so
        // this server's dispatcher leaves it alone.
        var later = SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(365);
        var payload = new OutboxPayload { Journey = "news", Step = "news-email", Template = "news", Channel = "email", Instance = 3, Marketing = true, Address = address };
        await server.Store.Outbox.EnqueueAsync(Workspace, new OutboxMessage(new SendKey("cy", "news#3", "news-email", 1), "email", OutboxPayloadJson.Serialize(payload), later), later);
        var claimed = Assert.Single(await server.Store.Outbox.ClaimAsync(later, 10, Duration.FromMinutes(1)));
        Assert.True(await server.Store.Outbox.MarkSentAsync(Workspace, claimed.Id, claimed.LeaseToken!.Value, later, "ses-elsewhere-1"));

        var bounce = JsonSerializer.Serialize(new
        {
            notificationType = "Bounce",
            bounce = new
            {
                bounceType = "Transient", bounceSubType = "MailboxFull", feedbackId = "fb-elsewhere", timestamp = "2026-03-02T09:00:00.000Z",
                bouncedRecipients = new[] { new { emailAddress = address } },
            },
            mail = new { messageId = "ses-elsewhere-1", timestamp = "2026-03-02T08:59:00.000Z", destination = new[] { address } },
        });
        var signed = SnsTestPublisher.Json(sns.Notification(bounce, certificateUrl));
        using var response = await server.Http.PostAsync($"/hooks/ses?key={HookSecret}", new StringContent(signed, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        var bounced = await Poll.UntilAsync(async () => (await server.EventsAsync("cy")).FirstOrDefault(e => e.EventName == "message_bounced"), "the bounce event");
        using var properties = JsonDocument.Parse(bounced.PayloadJson);
        var text = properties.RootElement.ToString();
        Assert.Contains("news-email", text);
        Assert.Contains("soft", text);
    }
}
