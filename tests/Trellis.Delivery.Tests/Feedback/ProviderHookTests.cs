using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trellis.Channels.Feedback;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Feedback;

/// <summary>
/// Provider feedback at /hooks/{provider}: authenticated (secret, or the provider's signature), applied once
/// (redeliveries are duplicates), and never undone by a later, harmless event.
/// </summary>
public sealed class ProviderHookTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private static string SesBounce(string address, string feedbackId) => JsonSerializer.Serialize(new
    {
        notificationType = "Bounce",
        bounce = new
        {
            bounceType = "Permanent", bounceSubType = "General", feedbackId, timestamp = "2026-03-02T09:00:00.000Z",
            bouncedRecipients = new[] { new { emailAddress = address, diagnosticCode = "smtp; 550 5.1.1 user unknown" } },
        },
        mail = new { messageId = "ses-" + feedbackId, timestamp = "2026-03-02T08:59:00.000Z", destination = new[] { address } },
    });

    private static string SesDelivery(string address) => JsonSerializer.Serialize(new
    {
        notificationType = "Delivery",
        delivery = new { timestamp = "2026-03-02T09:05:00.000Z", recipients = new[] { address } },
        mail = new { messageId = "ses-later", timestamp = "2026-03-02T09:04:00.000Z", destination = new[] { address } },
    });

    [Fact]
    public async Task An_ses_hard_bounce_suppresses_the_address_once_and_a_later_delivery_does_not_lift_it()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificateUrl = sns.Serve("valid", certificate);
        await using var server = await StartAsync(TestContent.Email(), services: sns.Services);
        const string address = "bounced@example.test";
        // As SNS delivers SES feedback: signed, and a redelivery is the very same message.
        var bounce = SnsTestPublisher.Json(sns.Notification(SesBounce(address, "fb-1"), certificateUrl));

        var first = await PostJsonAsync(server, $"/hooks/ses?key={HookSecret}", bounce);
        var again = await PostJsonAsync(server, $"/hooks/ses?key={HookSecret}", bounce);
        var delivered = await PostJsonAsync(server, $"/hooks/ses?key={HookSecret}", SnsTestPublisher.Json(sns.Notification(SesDelivery(address), certificateUrl, version: "2")));

        Assert.Equal((1, 0), first);
        Assert.Equal((0, 1), again);
        Assert.Equal((1, 0), delivered);
        var suppression = Assert.Single(await server.Store.Suppressions.ListAsync(Workspace, "email", 10));
        Assert.Equal(address, suppression.Address);
        Assert.StartsWith("hard bounce (ses)", suppression.Reason);
    }

    [Fact]
    public async Task Hooks_without_the_secret_or_with_a_wrong_one_are_refused_and_change_nothing()
    {
        await using var server = await StartAsync(TestContent.Email());

        foreach (var url in new[] { "/hooks/ses", "/hooks/ses?key=wrong", "/hooks/postmark", "/hooks/sendgrid?key=nope" })
        {
            using var response = await server.Http.PostAsync(url, new StringContent(SesBounce("x@example.test", "fb-2"), Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        }

        using var unknown = await server.Http.PostAsync($"/hooks/mailchimp?key={HookSecret}", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var garbage = await server.Http.PostAsync($"/hooks/ses?key={HookSecret}", new StringContent("not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Empty(await server.Store.Suppressions.ListAsync(Workspace, null, 10));
    }

    [Fact]
    public async Task A_postmark_spam_complaint_suppresses_the_address_and_unsubscribes_the_person_from_all_marketing()
    {
        await using var server = await StartAsync(TestContent.Email());
        const string address = "Complainer@Example.test";
        await server.SendAsync(Identify("ruth", new { email = address }));
        await Poll.UntilTrueAsync(async () => (await server.Store.Persons.GetProfileAsync(Workspace, "ruth"))?.TraitsJson.Contains("Complainer") == true, "ruth's profile");
        var complaint = JsonSerializer.Serialize(new
        {
            RecordType = "SpamComplaint", ID = 4242, Type = "SpamComplaint", Email = "complainer@example.test",
            MessageID = "pm-1", BouncedAt = "2026-03-02T10:00:00Z", Description = "The subscriber explicitly marked this message as spam.",
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/postmark") { Content = new StringContent(complaint, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("postmark:" + HookSecret)));
        using var response = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await server.Store.Suppressions.IsSuppressedAsync(Workspace, "email", address));
        var consent = Assert.Single(await server.Store.Consent.ListAsync(Workspace, "ruth"));
        Assert.Equal(("all", false, "complaint"), (consent.Topic, consent.Granted, consent.Source));
    }

    [Fact]
    public async Task A_signed_sendgrid_open_is_attributed_to_the_step_that_sent_the_email_and_a_bad_signature_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?>
        {
            ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Trellis:Hooks:SendGridVerificationKey"] = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()),
        });
        const string address = "sam.sendgrid@example.test";
        await server.SendAsync(Identify("sam", new { email = address }), Track("sam", "news_requested"));
        var email = await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the news email");
        var events = JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object>
            {
                ["event"] = "open", ["email"] = address, ["timestamp"] = 1772445600, ["sg_event_id"] = "sg-ev-1",
                ["sg_message_id"] = "sg-msg-1.filter", ["smtp-id"] = email.Header("Message-ID")!,
            },
        });

        using (var forged = SendGridPost(events, "1772445600", Convert.ToBase64String(new byte[70])))
        using (var refused = await server.Http.SendAsync(forged))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var signature = key.SignData(Encoding.UTF8.GetBytes("1772445600" + events), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using (var signed = SendGridPost(events, "1772445600", Convert.ToBase64String(signature)))
        using (var accepted = await server.Http.SendAsync(signed))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var opened = Assert.Single(await server.EventsAsync("sam"), e => e.EventName == "message_opened");
        using var payload = JsonDocument.Parse(opened.PayloadJson);
        Assert.Equal("news-email", payload.RootElement.GetProperty("properties").GetProperty("step").GetString());
    }

    private static HttpRequestMessage SendGridPost(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(SendGridSignature.TimestampHeader, timestamp);
        request.Headers.Add(SendGridSignature.SignatureHeader, signature);
        return request;
    }

    private static async Task<(int Applied, int Duplicates)> PostJsonAsync(DeliveryServer server, string url, string json)
    {
        using var response = await server.Http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var result = JsonDocument.Parse(body);
        return (result.RootElement.GetProperty("applied").GetInt32(), result.RootElement.GetProperty("duplicates").GetInt32());
    }
}
