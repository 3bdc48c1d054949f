using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Xunit.Abstractions;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>
/// The whole path of a marketing email: a Segment track into the server, the engine's decision, the outbox, SMTP
/// to a real server — and the recipient's one-click unsubscribe from the header, after which the next marketing
/// email to that person is not sent.
/// </summary>
public sealed class EmailUnsubscribeTests(SmtpSink sink, ITestOutputHelper output) : IClassFixture<SmtpSink>
{
    private Dictionary<string, string?> Smtp() => new() { ["Trellis:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task After_the_one_click_unsubscribe_from_the_header_no_further_marketing_email_goes_to_that_person()
    {
        await using var server = await StartAsync(TestContent.Email(), Smtp());
        const string address = "ada.oneclick@example.test";
        await server.SendAsync(Identify("ada", new { email = address, first_name = "Ada" }), Track("ada", "news_requested"));

        var email = await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the first news email");

        // RFC 8058 headers, a Message-ID, both parts.
        var listUnsubscribe = email.Header("List-Unsubscribe")!;
        Assert.Matches(@"^<https://127\.0\.0\.1:\d+/unsubscribe/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+>$", listUnsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", email.Header("List-Unsubscribe-Post"));
        Assert.Matches(@"^<[0-9a-f]{32}@acme\.example\.test>$", email.Header("Message-ID"));
        Assert.Equal("News for Ada", email.Header("Subject"));
        var text = Assert.Single(email.Message.All(), p => p.ContentType == "text/plain");
        var html = Assert.Single(email.Message.All(), p => p.ContentType == "text/html");
        Assert.Contains("Hi Ada,", text.Body);
        Assert.Contains("Hi Ada,", html.Body);

        // Engagement tracking in the HTML: the offer link is a click redirect, an open pixel is added, and the
        // unsubscribe link stays the one in the header.
        var unsubscribe = new Uri(listUnsubscribe.Trim('<', '>'));
        Assert.Contains("/t/click/", html.Body);
        Assert.Contains("/t/open/", html.Body);
        Assert.DoesNotContain("href=\"https://shop.example.test/offer\"", html.Body);
        Assert.Contains($"href=\"{unsubscribe.AbsoluteUri}\"", html.Body);

        // A link scanner (or a preview) fetching the link changes nothing.
        using (var page = await server.Http.GetAsync(unsubscribe))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync());
        }

        Assert.Empty(await server.Store.Consent.ListAsync(Workspace, "ada"));

        // The mail client's one-click POST.
        var clock = Stopwatch.StartNew();
        using (var oneClick = await server.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        // The next marketing email of that journey is decided right after it, and skipped for consent.
        await server.SendAsync(Track("ada", "news_requested"));
        await server.WaitForTraceAsync("ada", t => TraceLines.IsSkip(t, "news", "consent"), "the second news email skipped for consent");
        var engineSawIt = await WaitForConsentTraitAsync(server, "ada", "news");
        output.WriteLine($"unsubscribe POST → engine's profile shows consent.news = false: {engineSawIt.TotalMilliseconds:F0} ms");
        Assert.True(engineSawIt < TimeSpan.FromSeconds(1), $"the engine saw the unsubscribe after {engineSawIt.TotalMilliseconds:F0} ms");

        Assert.Single(await server.TraceAsync("ada"), t => TraceLines.IsSend(t, "news"));
        Assert.Single(await server.OutboxAsync("ada"));
        Assert.Single(sink.Received(), e => e.RcptTo.Contains(address));
        var consent = Assert.Single(await server.Store.Consent.ListAsync(Workspace, "ada"));
        Assert.Equal(("news", false, "unsubscribe"), (consent.Topic, consent.Granted, consent.Source));

        async Task<TimeSpan> WaitForConsentTraitAsync(DeliveryServer s, string person, string topic)
        {
            await Poll.UntilTrueAsync(async () => ConsentTrait(await s.Store.Persons.GetProfileAsync(Workspace, person), topic) == false, "consent in the profile");
            return clock.Elapsed;
        }
    }

    [Fact]
    public async Task The_unsubscribe_page_form_can_unsubscribe_from_all_marketing()
    {
        await using var server = await StartAsync(TestContent.Email(), Smtp());
        const string address = "bo.page@example.test";
        await server.SendAsync(Identify("bo", new { email = address }), Track("bo", "news_requested"));
        var email = await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the news email");
        var unsubscribe = new Uri(email.Header("List-Unsubscribe")!.Trim('<', '>'));

        using var response = await server.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("scope", "all")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("any more marketing messages", await response.Content.ReadAsStringAsync());
        var consent = Assert.Single(await server.Store.Consent.ListAsync(Workspace, "bo"));
        Assert.Equal(("all", false), (consent.Topic, consent.Granted));
        await server.SendAsync(Track("bo", "news_requested"));
        await server.WaitForTraceAsync("bo", t => TraceLines.IsSkip(t, "news", "consent"), "the second email skipped for consent");
    }

    private static bool? ConsentTrait(Trellis.Storage.PersonProfile? profile, string topic)
    {
        if (profile is null)
        {
            return null;
        }

        using var traits = JsonDocument.Parse(profile.TraitsJson);
        return traits.RootElement.TryGetProperty("consent", out var consent) && consent.TryGetProperty(topic, out var answer)
            && answer.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? answer.GetBoolean()
            : null;
    }
}
