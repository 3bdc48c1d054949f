using Trellis.Channels.Email;
using Trellis.Channels.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Email;

/// <summary>Email through a real SMTP server (the node sink), checked on the wire.</summary>
[Collection(SmtpCollection.Name)]
public sealed class SmtpEmailSenderTests(SmtpSink sink)
{
    private static readonly Uri Unsubscribe = new("https://trellis.example.test/unsubscribe/tok-123");
    private SmtpEmailSender Sender(Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, From = "Acme News <news@acme.example.test>" };
        configure?.Invoke(options);
        return new SmtpEmailSender(options);
    }

    private static OutboundMessage Email(string to, bool marketing, string subject = "Welcome to Acme", string? text = "Hello Ada,\nwelcome aboard.", string? html = "<p>Hello <b>Ada</b>,</p><p>welcome aboard.</p>")
    {
        var parts = new Dictionary<string, string> { [MessageParts.Subject] = subject };
        if (text is not null)
        {
            parts[MessageParts.Text] = text;
        }

        if (html is not null)
        {
            parts[MessageParts.Html] = html;
        }

        return new OutboundMessage
        {
            Workspace = "ws1",
            PersonId = "ada",
            Channel = Channel.Email,
            IdempotencyKey = Messages.NewKey("ada"),
            Parts = parts,
            Address = to,
            IsMarketing = marketing,
            UnsubscribeUrl = marketing ? Unsubscribe : null,
        };
    }

    [Fact]
    public async Task Marketing_email_arrives_with_one_click_unsubscribe_a_stable_message_id_and_both_parts()
    {
        var message = Email("ada@example.test", marketing: true, subject: "Welcome, Ada — ready to grow? 🌱") with
        {
            Headers = new Dictionary<string, string> { ["X-Campaign"] = "onboarding", ["Subject"] = "ignored: reserved" },
        };

        var result = await Sender().SendAsync(message, CancellationToken.None);

        var delivered = Assert.IsType<Delivered>(result);
        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the marketing email");
        Assert.Equal($"<{Unsubscribe.AbsoluteUri}>", email.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", email.Header("List-Unsubscribe-Post"));
        Assert.Matches("^<[0-9a-f]{32}@acme\\.example\\.test>$", delivered.ProviderMessageId);
        Assert.Single(email.Message.HeaderValues("Message-ID"));
        Assert.Single(email.Message.HeaderValues("List-Unsubscribe"));
        Assert.NotNull(email.Header("Date"));
        Assert.Equal("Welcome, Ada — ready to grow? 🌱", email.Header("Subject"));
        Assert.Equal("onboarding", email.Header("X-Campaign"));
        Assert.Equal(["ada@example.test"], email.RcptTo);
        Assert.Contains("news@acme.example.test", email.Header("From"));

        Assert.Equal("multipart/alternative", email.Message.ContentType);
        var text = Assert.Single(email.Message.All(), p => p.ContentType == "text/plain");
        var html = Assert.Single(email.Message.All(), p => p.ContentType == "text/html");
        Assert.Equal("Hello Ada,\nwelcome aboard.", text.Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("<b>Ada</b>", html.Body);
        // Plainest first: clients show the last alternative they understand.
        Assert.Equal("text/plain", email.Message.Parts[0].ContentType);
    }

    [Fact]
    public async Task A_retried_send_carries_the_same_message_id()
    {
        var message = Email("retry@example.test", marketing: false);

        var first = Assert.IsType<Delivered>(await Sender().SendAsync(message, CancellationToken.None));
        var second = Assert.IsType<Delivered>(await Sender().SendAsync(message, CancellationToken.None));

        Assert.Equal(first.ProviderMessageId, second.ProviderMessageId);
        await Eventually.TrueAsync(
            () => sink.Received().Count(e => e.Header("Message-ID") == first.ProviderMessageId) == 2,
            "both copies with one Message-ID");
    }

    [Fact]
    public async Task Transactional_email_has_no_unsubscribe_headers()
    {
        var delivered = Assert.IsType<Delivered>(await Sender().SendAsync(Email("receipt@example.test", marketing: false), CancellationToken.None));

        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the transactional email");
        Assert.Null(email.Header("List-Unsubscribe"));
        Assert.Null(email.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task Html_only_email_gets_a_text_part_derived_from_the_html()
    {
        var html = "<html><head><style>p{color:red}</style></head><body><h1>Your trial</h1><p>Ends&nbsp;in 3 days.</p><p><a href=\"https://acme.example.test/upgrade?plan=pro&amp;src=email\">Upgrade now</a></p></body></html>";
        var delivered = Assert.IsType<Delivered>(await Sender().SendAsync(Email("html@example.test", marketing: false, text: null, html: html), CancellationToken.None));

        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the html-only email");
        var text = Assert.Single(email.Message.All(), p => p.ContentType == "text/plain").Body;
        Assert.Equal("Your trial\n\nEnds in 3 days.\n\nUpgrade now (https://acme.example.test/upgrade?plan=pro&src=email)", text.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Single(email.Message.All(), p => p.ContentType == "text/html");
    }

    [Fact]
    public async Task Text_only_email_gets_an_html_part_derived_from_the_text()
    {
        var message = Email("text@example.test", marketing: false, text: "Hi <Ada> & team,\nline two\n\nBye", html: null);

        var delivered = Assert.IsType<Delivered>(await Sender().SendAsync(message, CancellationToken.None));

        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the text-only email");
        Assert.Equal("multipart/alternative", email.Message.ContentType);
        var html = Assert.Single(email.Message.All(), p => p.ContentType == "text/html").Body;
        Assert.Contains("<p>Hi &lt;Ada&gt; &amp; team,<br>line two</p><p>Bye</p>", html);
    }

    [Fact]
    public async Task Configured_credentials_are_used_to_authenticate()
    {
        var sender = Sender(o =>
        {
            o.UserName = "trellis-user";
            o.Password = "s3cret";
        });

        var delivered = Assert.IsType<Delivered>(await sender.SendAsync(Email("auth@example.test", marketing: false), CancellationToken.None));

        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the authenticated email");
        Assert.Equal("trellis-user", email.AuthUser);
    }

    [Fact]
    public async Task A_mailbox_the_server_rejects_with_550_is_a_permanent_invalid_address()
    {
        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(Email("reject-nobody@example.test", marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.False(failed.IsTransient);
        Assert.Equal(550, failed.ProviderStatus);
    }

    [Fact]
    public async Task A_451_reply_is_transient()
    {
        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(Email("busy-later@example.test", marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.ProviderUnavailable, failed.Reason);
        Assert.True(failed.IsTransient);
        Assert.Equal(451, failed.ProviderStatus);
    }

    [Fact]
    public async Task Starttls_is_attempted_when_enabled_and_a_certificate_we_cannot_trust_fails_the_send_without_throwing()
    {
        // The sink offers STARTTLS with a self-signed certificate: the upgrade must be tried and refused.
        var failed = Assert.IsType<DeliveryFailed>(await Sender(o => o.EnableSsl = true).SendAsync(Email("tls@example.test", marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.Misconfigured, failed.Reason);
        Assert.DoesNotContain(sink.Received(), e => e.RcptTo.Contains("tls@example.test"));
    }

    [Fact]
    public async Task No_server_listening_is_a_transient_connection_failure()
    {
        var port = ClosedPort.Get();
        var failed = Assert.IsType<DeliveryFailed>(await Sender(o => o.Port = port).SendAsync(Email("nobody@example.test", marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.ConnectionFailed, failed.Reason);
        Assert.True(failed.IsTransient);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData("ada@example.test\r\nBcc: everyone@example.test")]
    public async Task An_invalid_recipient_fails_permanently_before_connecting(string address)
    {
        var sender = Sender(o => o.Port = ClosedPort.Get()); // would fail differently if it connected

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Email(address, marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
    }

    [Fact]
    public async Task Marketing_email_without_an_https_unsubscribe_url_is_refused()
    {
        var message = Email("ada@example.test", marketing: true) with { UnsubscribeUrl = new Uri("http://trellis.example.test/unsubscribe/x") };

        var failed = Assert.IsType<DeliveryFailed>(await Sender(o => o.Port = ClosedPort.Get()).SendAsync(message, CancellationToken.None));

        Assert.Equal(FailureReason.InvalidContent, failed.Reason);
        Assert.Contains("RFC 8058", failed.Detail);
    }

    [Fact]
    public async Task An_email_without_subject_or_body_is_invalid_content()
    {
        var message = Email("ada@example.test", marketing: false, text: null, html: null);

        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(message, CancellationToken.None));

        Assert.Equal(FailureReason.InvalidContent, failed.Reason);
    }

    [Fact]
    public async Task A_refused_recipient_leaves_the_pooled_session_usable_for_the_next_message()
    {
        await using var sender = Sender();

        var refused = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Email("reject-gone@example.test", marketing: false), CancellationToken.None));
        var delivered = Assert.IsType<Delivered>(await sender.SendAsync(Email("after-reject@example.test", marketing: false), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, refused.Reason);
        await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the email after the refusal");
        Assert.Equal(1, sender.PoolStats.Opened);
        Assert.Equal(1, sender.PoolStats.Reused);
    }

    [Fact]
    public async Task Leading_dots_long_lines_and_non_ascii_text_arrive_exactly_as_written()
    {
        var text = ".starts with a dot\n..two dots\n.\n" + new string('x', 200) + " end\nünïcödé ✓ 😀 trailing space \nlast=line";
        var html = "<p>" + string.Concat(Enumerable.Repeat("<span>ü 😀 =</span> ", 40)) + "</p>\n.<b>dot</b>";
        var message = Email("dots@example.test", marketing: false, subject: "A long subject line with ünïcödé that must be split into several encoded words 😀 — ok", text: text, html: html) with
        {
            Headers = new Dictionary<string, string> { ["X-Note"] = "naïve" },
        };

        var delivered = Assert.IsType<Delivered>(await Sender().SendAsync(message, CancellationToken.None));

        var email = await sink.WaitForAsync(e => e.Header("Message-ID") == delivered.ProviderMessageId, "the dotted email");
        Assert.Equal(text, Assert.Single(email.Message.All(), p => p.ContentType == "text/plain").Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(html, Assert.Single(email.Message.All(), p => p.ContentType == "text/html").Body.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(message.Parts[MessageParts.Subject], email.Header("Subject"));
        Assert.Equal("naïve", email.Header("X-Note"));
        Assert.All(email.Raw.Split("\r\n"), line => Assert.True(line.Length <= 998, $"line of {line.Length} characters"));
    }
}
