using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Trellis.Channels.Feedback;

namespace Trellis.Channels.Tests.Feedback;

/// <summary>The SNS envelope reader, the string to sign (against a message AWS signed) and the signature check.</summary>
public sealed class SnsSignatureTests
{
    private static SnsMessage Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var message = SnsMessage.Read(document.RootElement, out var error);
        Assert.True(message is not null, error);
        return message;
    }

    private static string? ErrorOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Null(SnsMessage.Read(document.RootElement, out var error));
        return error;
    }

    private static string With(string json, string field, string? value)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var copy = fields.ToDictionary(f => f.Key, f => (object?)f.Value);
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return JsonSerializer.Serialize(copy);
    }

    [Fact]
    public void The_string_to_sign_of_a_notification_AWS_signed_is_the_documented_fields_in_order_with_the_subject()
    {
        var message = Read(AwsSnsSample.Message);

        Assert.Equal(
            "Message\nboo\nMessageId\nd39649d4-bf5b-5b80-af75-07acb3dd9b4a\nSubject\nthis is raw\nTimestamp\n2015-09-20T01:22:14.001Z\n" +
            "TopicArn\narn:aws:sns:us-east-1:810605503585:just_testing\nType\nNotification\n",
            SnsStringToSign.Build(message));
    }

    [Fact]
    public void A_message_AWS_signed_verifies_with_its_certificate_and_fails_once_any_signed_field_changes()
    {
        using var certificate = X509Certificate2.CreateFromPem(AwsSnsSample.Certificate);
        Assert.True(SnsSignature.IsValid(Read(AwsSnsSample.Message), certificate));

        foreach (var (field, value) in new (string, string?)[]
                 {
                     ("Message", "boo!"), ("MessageId", "d39649d4-bf5b-5b80-af75-07acb3dd9b4b"), ("Subject", "this is cooked"), ("Subject", null),
                     ("Timestamp", "2015-09-20T01:22:14.002Z"), ("TopicArn", "arn:aws:sns:us-east-1:810605503585:other"),
                     ("SignatureVersion", "2"), ("SignatureVersion", "3"), ("Signature", "bm90IGEgc2lnbmF0dXJl"), ("Signature", "%%%"),
                 })
        {
            Assert.False(SnsSignature.IsValid(Read(With(AwsSnsSample.Message, field, value)), certificate), $"{field} = {value ?? "(removed)"}");
        }

        // Fields outside the string to sign may change (SNS adds MessageAttributes and the UnsubscribeURL unsigned).
        Assert.True(SnsSignature.IsValid(Read(With(AwsSnsSample.Message, "UnsubscribeURL", "https://example.test/")), certificate));
    }

    [Fact]
    public void The_same_message_does_not_verify_with_another_key()
    {
        using var key = RSA.Create(2048);
        using var other = new CertificateRequest("CN=sns.amazonaws.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.False(SnsSignature.IsValid(Read(AwsSnsSample.Message), other));
    }

    [Fact]
    public void Confirmations_sign_the_subscribe_url_and_token_in_the_documented_order_and_never_a_subject()
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "SubscriptionConfirmation", ["MessageId"] = "m-1", ["Token"] = "tok", ["TopicArn"] = "arn:aws:sns:eu-west-1:1:t",
            ["Message"] = "You have chosen to subscribe.\nTo confirm, visit the SubscribeURL.", ["Subject"] = "ignored",
            ["SubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok", ["Timestamp"] = "2026-11-23T09:00:00.000Z",
            ["SignatureVersion"] = "2", ["Signature"] = "c2ln", ["SigningCertURL"] = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem",
        });

        Assert.Equal(
            "Message\nYou have chosen to subscribe.\nTo confirm, visit the SubscribeURL.\nMessageId\nm-1\n" +
            "SubscribeURL\nhttps://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok\nTimestamp\n2026-11-23T09:00:00.000Z\n" +
            "Token\ntok\nTopicArn\narn:aws:sns:eu-west-1:1:t\nType\nSubscriptionConfirmation\n",
            SnsStringToSign.Build(Read(json)));
        Assert.EndsWith("Type\nUnsubscribeConfirmation\n", SnsStringToSign.Build(Read(With(json, "Type", "UnsubscribeConfirmation"))));
    }

    [Fact]
    public void A_notification_without_a_subject_or_with_a_null_one_signs_no_subject_line()
    {
        var without = Read(With(AwsSnsSample.Message, "Subject", null));
        var nulled = Read(AwsSnsSample.Message.Replace("\"this is raw\"", "null", StringComparison.Ordinal));

        Assert.DoesNotContain("Subject", SnsStringToSign.Build(without), StringComparison.Ordinal);
        Assert.Equal(SnsStringToSign.Build(without), SnsStringToSign.Build(nulled));
    }

    [Fact]
    public void Envelopes_missing_a_signed_field_repeating_one_or_giving_one_as_a_number_are_not_read()
    {
        foreach (var field in new[] { "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL" })
        {
            Assert.Equal($"the SNS message has no {field}", ErrorOf(With(AwsSnsSample.Message, field, null)));
        }

        var confirmation = With(AwsSnsSample.Message, "Type", "SubscriptionConfirmation");
        Assert.Equal("the SNS message has no SubscribeURL", ErrorOf(confirmation));
        Assert.Equal("the SNS message has no Token", ErrorOf(With(confirmation, "SubscribeURL", "https://sns.us-east-1.amazonaws.com/?x")));

        Assert.Equal("the SNS message repeats the field 'Message'", ErrorOf(AwsSnsSample.Message.Replace("\"Message\": \"boo\",", "\"Message\": \"boo\", \"Message\": \"hoo\",", StringComparison.Ordinal)));
        Assert.Equal("the SNS message's SignatureVersion is not a string", ErrorOf(AwsSnsSample.Message.Replace("\"SignatureVersion\": \"1\"", "\"SignatureVersion\": 1", StringComparison.Ordinal)));
        Assert.Equal("unknown SNS message Type 'Telegram'", ErrorOf(With(AwsSnsSample.Message, "Type", "Telegram")));
        Assert.Equal("not an SNS message (no Type)", ErrorOf("{\"Message\": \"boo\"}"));
        Assert.Equal("the body is not a JSON object", ErrorOf("[1]"));
        Assert.StartsWith("an unsigned SES notification", ErrorOf("{\"notificationType\": \"Bounce\"}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_signature_versions_1_and_2_have_a_hash()
    {
        Assert.Equal(HashAlgorithmName.SHA1, SnsSignature.HashOf("1"));
        Assert.Equal(HashAlgorithmName.SHA256, SnsSignature.HashOf("2"));
        Assert.All(new[] { "", "0", "3", "01", " 1", "2.0" }, v => Assert.Null(SnsSignature.HashOf(v)));
    }

    [Fact]
    public void Escaped_characters_in_the_json_are_signed_as_the_characters_they_stand_for()
    {
        var message = Read(With(AwsSnsSample.Message, "Message", "{\"a\":\"b\\c\"}\n\u00e9"));

        Assert.StartsWith("Message\n{\"a\":\"b\\c\"}\n\u00e9\nMessageId\n", SnsStringToSign.Build(message), StringComparison.Ordinal);
    }
}
