using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trellis.Delivery.Tests.Support;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Feedback;

/// <summary>
/// SES feedback at /hooks/ses over real HTTPS, as Amazon SNS delivers it: signed messages (SignatureVersion 1 and 2,
/// with and without a Subject, confirmations) are applied; tampered, wrongly signed, stale, or pointing at a
/// certificate that is expired or not from SNS over https are refused, change nothing, and (for a URL that is not
/// allowed) are refused before the server fetches anything.
/// </summary>
public sealed class SnsSignatureHookTests
{
    private const string Hook = $"/hooks/ses?key={HookSecret}";

    private static readonly Dictionary<string, string?> SnsSettings = new()
    {
        ["Trellis:Hooks:Sns:TopicArns:0"] = SnsTestPublisher.TopicArn,
        // The SubscribeURL of these confirmations is on amazonaws.com, which the tests must not call.
        ["Trellis:Hooks:ConfirmSnsSubscriptions"] = "false",
        ["Trellis:Hooks:Sns:CertificateFetchTimeout"] = "00:00:01",
    };

    private static string SesBounce(string address) => JsonSerializer.Serialize(new
    {
        notificationType = "Bounce",
        bounce = new
        {
            bounceType = "Permanent", bounceSubType = "General", feedbackId = "fb-" + address, timestamp = "2026-03-02T09:00:00.000Z",
            bouncedRecipients = new[] { new { emailAddress = address, diagnosticCode = "smtp; 550 5.1.1 user unknown" } },
        },
        mail = new { messageId = "ses-" + address, timestamp = "2026-03-02T08:59:00.000Z", destination = new[] { address } },
    });

    /// <summary>The status and the body; for a refusal, the body's error message.</summary>
    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(DeliveryServer server, string url, string json)
    {
        using var response = await server.Http.PostAsync(url, new StringContent(json, Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return (response.StatusCode, body);
        }

        using var error = JsonDocument.Parse(body);
        return (response.StatusCode, error.RootElement.GetProperty("error").GetString()!);
    }

    private static async Task<int> AppliedAsync(DeliveryServer server, Dictionary<string, string> message)
    {
        var (status, body) = await PostAsync(server, Hook, SnsTestPublisher.Json(message));
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        using var result = JsonDocument.Parse(body);
        return result.RootElement.GetProperty("applied").GetInt32();
    }

    [Fact]
    public async Task Signed_notifications_of_both_versions_with_and_without_a_subject_and_confirmations_are_applied_with_one_certificate_fetch()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var url = sns.Serve("SimpleNotificationService-valid", certificate);
        await using var server = await StartAsync(TestContent.Email(), SnsSettings, sns.Services);

        Assert.Equal(1, await AppliedAsync(server, sns.Notification(SesBounce("v1@example.test"), url, version: "1")));
        Assert.Equal(1, await AppliedAsync(server, sns.Notification(SesBounce("v2@example.test"), url, version: "2")));
        Assert.Equal(1, await AppliedAsync(server, sns.Notification(SesBounce("v1s@example.test"), url, version: "1", subject: "Amazon SES Email Event Notification")));
        Assert.Equal(1, await AppliedAsync(server, sns.Notification(SesBounce("v2s@example.test"), url, version: "2", subject: "Bounce \"quoted\"\nand a newline")));
        Assert.Equal(0, await AppliedAsync(server, sns.Confirmation("SubscriptionConfirmation", url, version: "2")));
        Assert.Equal(0, await AppliedAsync(server, sns.Confirmation("SubscriptionConfirmation", url, version: "1")));
        Assert.Equal(0, await AppliedAsync(server, sns.Confirmation("UnsubscribeConfirmation", url, version: "1")));

        var suppressed = (await server.Store.Suppressions.ListAsync(Workspace, "email", 10)).Select(s => s.Address).Order().ToList();
        Assert.Equal(["v1@example.test", "v1s@example.test", "v2@example.test", "v2s@example.test"], suppressed);
        Assert.Equal(1, sns.Fetches("SimpleNotificationService-valid"));
    }

    [Fact]
    public async Task Tampered_wrongly_signed_stale_or_badly_sourced_messages_are_refused_and_change_nothing()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var expired = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1));
        using var otherKey = RSA.Create(2048);
        var valid = sns.Serve("valid", certificate);
        var expiredUrl = sns.Serve("expired", expired);
        var slow = sns.Hang("slow");
        var notPem = sns.Route("not-pem", context => context.Response.WriteAsync("<html>not a certificate</html>"));
        await using var server = await StartAsync(TestContent.Email(), SnsSettings, sns.Services);
        var bounce = SesBounce("victim@example.test");

        var tampered = sns.Notification(bounce, valid);
        tampered["Message"] = SesBounce("someone.else@example.test");
        var subjectAdded = sns.Notification(bounce, valid, version: "2");
        subjectAdded["Subject"] = "added after signing";
        var subjectRemoved = sns.Notification(bounce, valid, subject: "signed");
        subjectRemoved.Remove("Subject");
        var versionSwapped = sns.Notification(bounce, valid, version: "2");
        versionSwapped["SignatureVersion"] = "1";
        var confirmationRetargeted = sns.Confirmation("SubscriptionConfirmation", valid);
        confirmationRetargeted["SubscribeURL"] = "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=elsewhere";
        var unsigned = sns.Notification(bounce, valid);
        unsigned.Remove("Signature");

        var cases = new (string Name, string Url, string Json, HttpStatusCode Status, string Says)[]
        {
            ("tampered Message", Hook, SnsTestPublisher.Json(tampered), HttpStatusCode.Forbidden, "signature does not match"),
            ("Subject added", Hook, SnsTestPublisher.Json(subjectAdded), HttpStatusCode.Forbidden, "signature does not match"),
            ("Subject removed", Hook, SnsTestPublisher.Json(subjectRemoved), HttpStatusCode.Forbidden, "signature does not match"),
            ("another key", Hook, SnsTestPublisher.Json(sns.Notification(bounce, valid, signWith: otherKey)), HttpStatusCode.Forbidden, "signature does not match"),
            ("SHA-256 signature claimed as version 1", Hook, SnsTestPublisher.Json(versionSwapped), HttpStatusCode.Forbidden, "signature does not match"),
            ("confirmation with another SubscribeURL", Hook, SnsTestPublisher.Json(confirmationRetargeted), HttpStatusCode.Forbidden, "signature does not match"),
            ("SignatureVersion 3", Hook, SnsTestPublisher.Json(sns.Notification(bounce, valid, version: "3")), HttpStatusCode.Forbidden, "unsupported SNS SignatureVersion '3'"),
            ("no Signature", Hook, SnsTestPublisher.Json(unsigned), HttpStatusCode.Forbidden, "has no Signature"),
            ("expired certificate", Hook, SnsTestPublisher.Json(sns.Notification(bounce, expiredUrl)), HttpStatusCode.Forbidden, "certificate is not valid now"),
            ("published 2 h ago", Hook, SnsTestPublisher.Json(sns.Notification(bounce, valid, timestamp: DateTimeOffset.UtcNow.AddHours(-2))), HttpStatusCode.Forbidden, "possible replay"),
            ("published in an hour", Hook, SnsTestPublisher.Json(sns.Notification(bounce, valid, timestamp: DateTimeOffset.UtcNow.AddHours(1))), HttpStatusCode.Forbidden, "in the future"),
            ("another topic", Hook, SnsTestPublisher.Json(sns.Notification(bounce, valid, topicArn: "arn:aws:sns:us-east-1:999999999999:theirs")), HttpStatusCode.Forbidden, "is not one of Trellis:Hooks:Sns:TopicArns"),
            ("http certificate URL", Hook, SnsTestPublisher.Json(sns.Notification(bounce, new UriBuilder(valid) { Scheme = "http" }.Uri)), HttpStatusCode.Forbidden, "must be https, not http"),
            ("certificate on another host", Hook, SnsTestPublisher.Json(sns.Notification(bounce, new UriBuilder(valid) { Host = "localhost" }.Uri)), HttpStatusCode.Forbidden, "is not an Amazon SNS host"),
            ("certificate on a look-alike host", Hook, SnsTestPublisher.Json(sns.Notification(bounce, new Uri("https://sns.us-east-1.amazonaws.com.attacker.test/valid.pem"))), HttpStatusCode.Forbidden, "is not an Amazon SNS host"),
            ("certificate URL with a query", Hook, SnsTestPublisher.Json(sns.Notification(bounce, new Uri(valid + "?x=1"))), HttpStatusCode.Forbidden, "must not carry"),
            ("no hook secret", "/hooks/ses", SnsTestPublisher.Json(sns.Notification(bounce, valid)), HttpStatusCode.Forbidden, "hook secret is missing or wrong"),
            ("raw SES JSON", Hook, bounce, HttpStatusCode.Forbidden, "unsigned SES notification"),
            ("not JSON", Hook, "Type=Notification", HttpStatusCode.BadRequest, "not JSON"),
            ("certificate that never comes", Hook, SnsTestPublisher.Json(sns.Notification(bounce, slow)), HttpStatusCode.ServiceUnavailable, "took longer than 1 s"),
            ("certificate URL serving HTML", Hook, SnsTestPublisher.Json(sns.Notification(bounce, notPem)), HttpStatusCode.ServiceUnavailable, "did not serve a PEM certificate"),
        };

        foreach (var (name, url, json, status, says) in cases)
        {
            var (actual, body) = await PostAsync(server, url, json);
            Assert.True(actual == status && body.Contains(says, StringComparison.Ordinal), $"{name}: {(int)actual} {body}");
        }

        Assert.Empty(await server.Store.Suppressions.ListAsync(Workspace, null, 10));
        // Only allowed URLs were ever fetched: the http, localhost and query variants of "valid" were refused before.
        Assert.Equal(1, sns.Fetches("valid"));
        Assert.Equal(1, sns.Fetches("expired"));
    }

    [Fact]
    public async Task Without_a_topic_list_the_secret_is_what_ties_a_signed_message_to_us_and_without_either_ses_posts_are_refused()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var url = sns.Serve("valid", certificate);

        await using (var secretOnly = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Hooks:ConfirmSnsSubscriptions"] = "false" }, sns.Services))
        {
            var theirs = sns.Notification(SesBounce("any.topic@example.test"), url, topicArn: "arn:aws:sns:eu-west-1:999999999999:any");
            Assert.Equal(1, await AppliedAsync(secretOnly, theirs));
            var (status, body) = await PostAsync(secretOnly, "/hooks/ses?key=wrong", SnsTestPublisher.Json(sns.Notification(SesBounce("forged@example.test"), url)));
            Assert.True(status == HttpStatusCode.Forbidden, body);
        }

        await using var neither = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Hooks:Secret"] = "" }, sns.Services);
        var (refused, reason) = await PostAsync(neither, "/hooks/ses", SnsTestPublisher.Json(sns.Notification(SesBounce("nobody@example.test"), url)));
        Assert.True(refused == HttpStatusCode.Forbidden && reason.Contains("neither is configured", StringComparison.Ordinal), reason);
        Assert.Empty(await neither.Store.Suppressions.ListAsync(Workspace, null, 10));
    }

    [Fact]
    public async Task With_signature_verification_off_the_secret_alone_admits_raw_ses_json()
    {
        await using var server = await StartAsync(TestContent.Email(), new Dictionary<string, string?> { ["Trellis:Hooks:Sns:VerifySignatures"] = "false" });

        var (status, body) = await PostAsync(server, Hook, SesBounce("raw@example.test"));
        var (refused, _) = await PostAsync(server, "/hooks/ses?key=wrong", SesBounce("forged@example.test"));

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("raw@example.test", Assert.Single(await server.Store.Suppressions.ListAsync(Workspace, "email", 10)).Address);
    }
}
