using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NodaTime;
using Trellis.Channels.Sms;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Processing;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Dispatch;

/// <summary>
/// How the dispatcher treats provider failures. The channel layer's own in-process retries are turned off here
/// (MaxRetryAttempts 0) so that what is tested is the outbox: a transient failure puts the entry back with
/// backoff (never sooner than Retry-After), a permanent one is recorded failed with its reason.
/// </summary>
public sealed class ProviderFailureTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private static Dictionary<string, string?> NoInProcessRetries(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Trellis:Resilience:smtp:MaxRetryAttempts"] = "0",
            ["Trellis:Resilience:sms:MaxRetryAttempts"] = "0",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task An_smtp_451_is_retried_later_and_the_retry_delivers()
    {
        await using var smtp = new FlakySmtpServer(failures: 1);
        await using var server = await StartAsync(TestContent.Email(), NoInProcessRetries(("Trellis:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))));

        await server.SendAsync(Identify("fa", new { email = "fa@example.test" }), Track("fa", "news_requested"));

        var sent = await server.WaitForOutboxAsync("fa", e => e.Status == OutboxStatus.Sent, "the email sent on the second attempt");
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(1, smtp.Refused);
        Assert.Equal(1, smtp.Accepted);
    }

    [Fact]
    public async Task A_twilio_429_is_retried_no_sooner_than_its_Retry_After_with_the_same_idempotency_token()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        var firstAt = 0L;
        twilio.Then(async context =>
        {
            firstAt = Stopwatch.GetTimestamp();
            await ScriptedHttpServer.Respond(StatusCodes.Status429TooManyRequests, "{\"code\": 20429, \"message\": \"Too Many Requests\"}", ("Retry-After", "1"))(context);
        });
        await using var server = await StartAsync(TestContent.Sms(), Merge(FakeTwilio.Settings(twilio), NoInProcessRetries()));

        await server.SendAsync(Identify("go", new { phone = "+15551230002", consent = new { sms = true } }), Track("go", "sms_requested"));

        var sent = await server.WaitForOutboxAsync("go", e => e.Status == OutboxStatus.Sent, "the SMS sent after the Retry-After");
        var waited = Stopwatch.GetElapsedTime(firstAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(2, twilio.Requests.Count);
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"retried after {waited.TotalMilliseconds:F0} ms, before the Retry-After of 1 s");
        Assert.Equal(twilio.Requests[0].Header(TwilioSmsSender.IdempotencyHeader), twilio.Requests[1].Header(TwilioSmsSender.IdempotencyHeader));
    }

    [Fact]
    public async Task A_permanent_twilio_400_is_recorded_failed_with_its_reason_and_not_retried()
    {
        await using var twilio = await FakeTwilio.StartAsync();
        twilio.Then(StatusCodes.Status400BadRequest, "{\"code\": 21602, \"message\": \"Message body is required.\"}");
        await using var server = await StartAsync(TestContent.Sms(), FakeTwilio.Settings(twilio));

        await server.SendAsync(Identify("ha", new { phone = "+15551230003", consent = new { sms = true } }), Track("ha", "sms_requested"));

        var failed = await server.WaitForOutboxAsync("ha", e => e.Status == OutboxStatus.Failed, "the SMS recorded failed");
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("rejected:", failed.LastError);
        Assert.Contains("400", failed.LastError);
        Assert.Single(twilio.Requests);
    }

    [Fact]
    public async Task An_smtp_550_for_the_recipient_fails_the_send_and_suppresses_the_address()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture) });

        await server.SendAsync(Identify("ib", new { email = "reject-ib@example.test" }), Track("ib", "news_requested"));

        var failed = await server.WaitForOutboxAsync("ib", e => e.Status == OutboxStatus.Failed, "the email recorded failed");
        Assert.StartsWith("invalid_address:", failed.LastError);
        Assert.True(await server.Store.Suppressions.IsSuppressedAsync(Workspace, "email", "reject-ib@example.test"));
        await server.SendAsync(Track("ib", "news_requested"));
        await server.WaitForTraceAsync("ib", t => TraceLines.IsSkip(t, "news", "suppressed"), "the next email skipped as suppressed");
    }

    [Fact]
    public async Task An_entry_whose_rendering_failed_is_recorded_failed_with_the_render_error_without_sending()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture) });
        var payload = new OutboxPayload
        {
            Journey = "news", Step = "news-email", Template = "news", Channel = "email", Instance = 1, Marketing = true,
            Address = "jo@example.test", Error = "template 'news' is not in the workspace",
        };

        await Enqueue(server, "jo", payload);

        var failed = await server.WaitForOutboxAsync("jo", e => e.Status == OutboxStatus.Failed, "the entry recorded failed");
        Assert.Equal("not rendered: template 'news' is not in the workspace", failed.LastError);
        Assert.DoesNotContain(sink.Received(), e => e.RcptTo.Contains("jo@example.test"));
    }

    [Fact]
    public async Task A_queued_send_to_an_address_suppressed_after_the_decision_is_cancelled()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture) });
        var now = SystemClock.Instance.GetCurrentInstant();
        await server.Store.Suppressions.AddAsync(Workspace, new Suppression("email", "Ka@Example.test", "hard bounce", now));
        var payload = new OutboxPayload
        {
            Journey = "news", Step = "news-email", Template = "news", Channel = "email", Instance = 1, Marketing = false,
            Address = "ka@example.test", Parts = new Dictionary<string, string> { ["subject"] = "Hi", ["text"] = "Hello" },
        };

        await Enqueue(server, "ka", payload);

        var failed = await server.WaitForOutboxAsync("ka", e => e.Status == OutboxStatus.Failed, "the entry recorded failed");
        Assert.Equal("cancelled: the email address is suppressed", failed.LastError);
        Assert.DoesNotContain(sink.Received(), e => e.RcptTo.Contains("ka@example.test"));
    }

    private static async Task Enqueue(DeliveryServer server, string person, OutboxPayload payload)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var key = new SendKey(person, $"{payload.Journey}#{payload.Instance}", payload.Step, now.ToUnixTimeMilliseconds());
        Assert.True(await server.Store.Outbox.EnqueueAsync(Workspace, new OutboxMessage(key, payload.Channel, JsonSerializer.Serialize(payload), now), now));
    }

    private static Dictionary<string, string?> Merge(Dictionary<string, string?> first, Dictionary<string, string?> second)
    {
        foreach (var (key, value) in second)
        {
            first[key] = value;
        }

        return first;
    }
}
