using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Trellis.Channels.Feedback;

namespace Trellis.Channels.Tests.Feedback;

/// <summary>SES (via SNS), SendGrid and Postmark payloads, normalised.</summary>
public sealed class EmailProviderFeedbackTests
{
    private static string Sns(string sesJson) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["Type"] = "Notification",
        ["MessageId"] = "sns-1",
        ["TopicArn"] = "arn:aws:sns:us-east-1:123456789012:ses-feedback",
        ["Message"] = sesJson,
        ["Timestamp"] = "2026-03-02T10:00:00.000Z",
    });

    private const string Mail = """
        "mail":{"timestamp":"2026-03-02T09:59:00.000Z","messageId":"0100018e-ses-id","source":"news@acme.example.test",
                "destination":["ada@example.test","bob@example.test"],
                "commonHeaders":{"messageId":"<abc123@acme.example.test>","subject":"Welcome"}}
        """;

    [Fact]
    public void Ses_permanent_bounce_is_hard_per_recipient()
    {
        var ses = $$"""
            {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",
              "bouncedRecipients":[{"emailAddress":"ada@example.test","diagnosticCode":"smtp; 550 5.1.1 user unknown"},{"emailAddress":"bob@example.test"}],
              "timestamp":"2026-03-02T10:00:01.000Z","feedbackId":"fb-1"},{{Mail}}}
            """;

        var events = SesFeedbackParser.Parse(Sns(ses)).Events;

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(FeedbackKind.BounceHard, e.Kind));
        Assert.Equal(["ada@example.test", "bob@example.test"], events.Select(e => e.Address));
        Assert.Equal("fb-1:ada@example.test", events[0].ProviderEventId);
        Assert.Equal("0100018e-ses-id", events[0].ProviderMessageId);
        Assert.Equal("<abc123@acme.example.test>", events[0].MessageIdHeader);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 1, TimeSpan.Zero), events[0].At);
        Assert.Contains("550 5.1.1", events[0].Detail);
    }

    [Theory]
    [InlineData("Transient")]
    [InlineData("Undetermined")]
    public void Ses_transient_and_undetermined_bounces_are_soft(string bounceType)
    {
        var ses = $$"""{"notificationType":"Bounce","bounce":{"bounceType":"{{bounceType}}","bouncedRecipients":[{"emailAddress":"ada@example.test"}],"timestamp":"2026-03-02T10:00:01Z","feedbackId":"fb-2"},{{Mail}}}""";

        Assert.Equal(FeedbackKind.BounceSoft, Assert.Single(SesFeedbackParser.Parse(Sns(ses)).Events).Kind);
    }

    [Fact]
    public void Ses_complaint_and_delivery_and_raw_delivery_without_sns()
    {
        var complaint = $$"""{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"ada@example.test"}],"timestamp":"2026-03-02T11:00:00Z","feedbackId":"fb-3","complaintFeedbackType":"abuse"},{{Mail}}}""";
        var delivery = $$"""{"notificationType":"Delivery","delivery":{"timestamp":"2026-03-02T10:00:00Z","recipients":["ada@example.test"],"smtpResponse":"250 ok"},{{Mail}}}""";

        var c = Assert.Single(SesFeedbackParser.Parse(Sns(complaint)).Events);
        Assert.Equal(FeedbackKind.Complaint, c.Kind);
        Assert.Equal("abuse", c.Detail);
        var d = Assert.Single(SesFeedbackParser.Parse(delivery).Events);
        Assert.Equal(FeedbackKind.Delivered, d.Kind);
        Assert.Equal("ada@example.test", d.Address);
    }

    [Fact]
    public void Ses_subscription_confirmation_is_returned_not_followed_and_junk_is_invalid()
    {
        var confirm = """{"Type":"SubscriptionConfirmation","SubscribeURL":"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=x"}""";

        var result = SesFeedbackParser.Parse(confirm);

        Assert.Empty(result.Events);
        Assert.Equal("sns.us-east-1.amazonaws.com", result.SubscriptionConfirmationUrl!.Host);
        Assert.False(SesFeedbackParser.Parse("{not json").IsValid);
        Assert.False(SesFeedbackParser.Parse("""{"hello":"world"}""").IsValid);
    }

    [Fact]
    public void SendGrid_events_are_mapped_and_deduplicated_on_sg_event_id()
    {
        const string json = """
            [
              {"email":"ada@example.test","timestamp":1772445600,"event":"processed","sg_event_id":"e0","sg_message_id":"m1.filter"},
              {"email":"ada@example.test","timestamp":1772445601,"event":"delivered","sg_event_id":"e1","sg_message_id":"m1.filter","smtp-id":"<abc@acme>"},
              {"email":"ada@example.test","timestamp":1772445601,"event":"delivered","sg_event_id":"e1","sg_message_id":"m1.filter"},
              {"email":"bob@example.test","timestamp":1772445602,"event":"bounce","type":"bounce","reason":"550 no such user","sg_event_id":"e2","sg_message_id":"m2"},
              {"email":"cy@example.test","timestamp":1772445603,"event":"bounce","type":"blocked","sg_event_id":"e3","sg_message_id":"m3"},
              {"email":"ada@example.test","timestamp":1772445604,"event":"spamreport","sg_event_id":"e4","sg_message_id":"m1.filter"},
              {"email":"ada@example.test","timestamp":1772445605,"event":"click","url":"https://acme.example.test/a","sg_event_id":"e5","sg_message_id":"m1.filter"},
              {"email":"ada@example.test","timestamp":1772445606,"event":"group_unsubscribe","sg_event_id":"e6"},
              {"email":"ada@example.test","timestamp":1772445607,"event":"deferred","sg_event_id":"e7"}
            ]
            """;

        var events = SendGridFeedbackParser.Parse(json).Events;

        Assert.Equal(
            [FeedbackKind.Delivered, FeedbackKind.BounceHard, FeedbackKind.BounceSoft, FeedbackKind.Complaint, FeedbackKind.Click, FeedbackKind.OptOut],
            events.Select(e => e.Kind));
        Assert.Equal(["e1", "e2", "e3", "e4", "e5", "e6"], events.Select(e => e.ProviderEventId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772445601), events[0].At);
        Assert.Equal("<abc@acme>", events[0].MessageIdHeader);
        Assert.Equal("https://acme.example.test/a", events[4].Url);
        Assert.False(SendGridFeedbackParser.Parse("""{"event":"delivered"}""").IsValid);
    }

    [Fact]
    public void SendGrid_signature_is_checked_with_the_accounts_public_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        const string timestamp = "1772445600";
        const string body = """[{"event":"delivered","sg_event_id":"e1"}]""";
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

        Assert.True(SendGridSignature.IsValid(publicKey, timestamp, body, signature));
        Assert.False(SendGridSignature.IsValid(publicKey, timestamp, body.Replace("e1", "e2", StringComparison.Ordinal), signature));
        Assert.False(SendGridSignature.IsValid(publicKey, "1772445601", body, signature));
        Assert.False(SendGridSignature.IsValid(publicKey, timestamp, body, "bm90IGEgc2lnbmF0dXJl"));
        Assert.False(SendGridSignature.IsValid("not a key", timestamp, body, signature));
    }

    [Fact]
    public void Postmark_hard_bounce_spam_complaint_and_delivery()
    {
        const string bounce = """
            {"RecordType":"Bounce","ID":4323372036854775807,"Type":"HardBounce","TypeCode":1,"MessageID":"883953f4-6105-42a2-a16a-77a8eac79483",
             "Email":"ada@example.test","BouncedAt":"2026-03-02T10:00:00Z","Details":"smtp;550 5.1.1"}
            """;
        const string complaint = """
            {"RecordType":"SpamComplaint","ID":42,"Type":"SpamComplaint","TypeCode":512,"MessageID":"m-2","Email":"bob@example.test","BouncedAt":"2026-03-02T11:00:00Z"}
            """;
        const string delivery = """
            {"RecordType":"Delivery","MessageID":"m-3","Recipient":"cy@example.test","DeliveredAt":"2026-03-02T09:00:00Z","Details":"Test delivery webhook details"}
            """;

        var b = Assert.Single(PostmarkFeedbackParser.Parse(bounce).Events);
        var c = Assert.Single(PostmarkFeedbackParser.Parse(complaint).Events);
        var d = Assert.Single(PostmarkFeedbackParser.Parse(delivery).Events);

        Assert.Equal((FeedbackKind.BounceHard, "ada@example.test", "Bounce:4323372036854775807"), (b.Kind, b.Address, b.ProviderEventId));
        Assert.Equal("883953f4-6105-42a2-a16a-77a8eac79483", b.ProviderMessageId);
        Assert.Equal((FeedbackKind.Complaint, "bob@example.test", "SpamComplaint:42"), (c.Kind, c.Address, c.ProviderEventId));
        Assert.Equal((FeedbackKind.Delivered, "cy@example.test"), (d.Kind, d.Address));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), d.At);
    }

    [Fact]
    public void Postmark_soft_bounce_opt_out_and_ignored_types()
    {
        Assert.Equal(FeedbackKind.BounceSoft, Assert.Single(PostmarkFeedbackParser.Parse("""{"RecordType":"Bounce","ID":1,"Type":"SoftBounce","Email":"a@example.test"}""").Events).Kind);
        Assert.Equal(FeedbackKind.OptOut, Assert.Single(PostmarkFeedbackParser.Parse("""{"RecordType":"SubscriptionChange","MessageID":"m","Recipient":"a@example.test","SuppressSending":true,"ChangedAt":"2026-03-02T09:00:00Z"}""").Events).Kind);
        Assert.Empty(PostmarkFeedbackParser.Parse("""{"RecordType":"Bounce","ID":2,"Type":"AutoResponder","Email":"a@example.test"}""").Events);
        Assert.False(PostmarkFeedbackParser.Parse("[]").IsValid);
    }

    [Fact]
    public void Kind_names_are_the_documented_snake_case_ones() =>
        Assert.Equal(
            ["delivered", "bounce_hard", "bounce_soft", "complaint", "opt_out", "opt_in", "open", "click"],
            Enum.GetValues<FeedbackKind>().Select(k => k.Name()));
}
