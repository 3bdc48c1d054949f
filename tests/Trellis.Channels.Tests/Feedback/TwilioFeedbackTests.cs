using Trellis.Channels.Feedback;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Feedback;

/// <summary>Twilio inbound SMS and status callbacks, and its request signature.</summary>
public sealed class TwilioFeedbackTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    // Twilio's published request-validation example (auth token 12345).
    private const string DocumentedUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] DocumentedParameters =
    [
        new("CallSid", "CA1234567890ABCDE"),
        new("Caller", "+14158675309"),
        new("Digits", "1234"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
    ];

    [Fact]
    public void The_documented_example_signature_verifies()
    {
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute("12345", DocumentedUrl, DocumentedParameters));
        Assert.True(TwilioSignature.IsValid("12345", DocumentedUrl, DocumentedParameters.Reverse(), "RSOYDt4T1cUTdK1PDd93/VVr8B8="));
    }

    [Fact]
    public void Repeated_parameters_are_signed_once_each_in_value_order()
    {
        KeyValuePair<string, string>[] repeated =
        [
            new("Sid", "CA123"), new("SidAccount", "AC123"), new("Digits", "5678"), new("Digits", "1234"), new("Digits", "1234"),
        ];

        Assert.True(TwilioSignature.IsValid("12345", DocumentedUrl, repeated, "IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    [Fact]
    public void Any_change_to_token_url_or_parameters_fails_the_check()
    {
        const string signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
        var tampered = DocumentedParameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p);

        Assert.False(TwilioSignature.IsValid("54321", DocumentedUrl, DocumentedParameters, signature));
        Assert.False(TwilioSignature.IsValid("12345", DocumentedUrl + "&x=1", DocumentedParameters, signature));
        Assert.False(TwilioSignature.IsValid("12345", DocumentedUrl, tampered, signature));
        Assert.False(TwilioSignature.IsValid("12345", DocumentedUrl, DocumentedParameters, null));
        Assert.False(TwilioSignature.IsValid("12345", DocumentedUrl, DocumentedParameters, "not base64 ✗"));
    }

    [Theory]
    [InlineData("STOP", FeedbackKind.OptOut)]
    [InlineData(" stop ", FeedbackKind.OptOut)]
    [InlineData("Unsubscribe", FeedbackKind.OptOut)]
    [InlineData("CANCEL", FeedbackKind.OptOut)]
    [InlineData("end", FeedbackKind.OptOut)]
    [InlineData("QUIT!", FeedbackKind.OptOut)]
    [InlineData("STOPALL", FeedbackKind.OptOut)]
    [InlineData("START", FeedbackKind.OptIn)]
    [InlineData("unstop", FeedbackKind.OptIn)]
    public void Keywords_opt_out_and_back_in(string body, FeedbackKind expected)
    {
        var result = TwilioFeedbackParser.Parse(Inbound(body), Received);

        var e = Assert.Single(result.Events);
        Assert.Equal(expected, e.Kind);
        Assert.Equal(Channel.Sms, e.Channel);
        Assert.Equal("+14155550100", e.Address);
        Assert.Equal("SM-in-1:inbound", e.ProviderEventId);
        Assert.Equal(Received, e.At);
    }

    [Theory]
    [InlineData("please don't stop")]
    [InlineData("Thanks!")]
    [InlineData("")]
    public void Other_replies_are_not_consent_changes(string body) =>
        Assert.Empty(TwilioFeedbackParser.Parse(Inbound(body), Received).Events);

    [Theory]
    [InlineData("delivered", null, FeedbackKind.Delivered)]
    [InlineData("undelivered", "30006", FeedbackKind.BounceHard)]
    [InlineData("failed", "21211", FeedbackKind.BounceHard)]
    [InlineData("undelivered", "30003", FeedbackKind.BounceSoft)]
    [InlineData("undelivered", "21610", FeedbackKind.OptOut)]
    public void Status_callbacks_become_delivery_outcomes(string status, string? errorCode, FeedbackKind expected)
    {
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM-out-9", ["MessageStatus"] = status, ["To"] = "+14155550100" };
        if (errorCode is not null)
        {
            form["ErrorCode"] = errorCode;
        }

        var e = Assert.Single(TwilioFeedbackParser.Parse(form, Received).Events);

        Assert.Equal(expected, e.Kind);
        Assert.Equal("SM-out-9", e.ProviderMessageId);
        Assert.Equal($"SM-out-9:{status}", e.ProviderEventId);
    }

    [Fact]
    public void Progress_statuses_are_not_events_and_a_post_without_a_sid_is_invalid()
    {
        Assert.Empty(TwilioFeedbackParser.Parse(new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = "sent" }, Received).Events);
        Assert.False(TwilioFeedbackParser.Parse(new Dictionary<string, string> { ["Body"] = "STOP" }, Received).IsValid);
    }

    private static Dictionary<string, string> Inbound(string body) => new()
    {
        ["MessageSid"] = "SM-in-1",
        ["AccountSid"] = "AC123",
        ["From"] = "+14155550100",
        ["To"] = "+15005550006",
        ["Body"] = body,
    };
}
