using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Recipients;

/// <summary>The open pixel, click redirects and the preference centre, from the links in a real email.</summary>
public sealed partial class TrackingAndPreferencesTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    private Dictionary<string, string?> Smtp() => new() { ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture) };

    [Fact]
    public async Task The_open_pixel_and_the_click_redirect_record_engagement_once_per_message_and_link()
    {
        await using var server = await StartAsync(TestContent.Email(), Smtp());
        const string address = "mo.tracking@example.test";
        await server.SendAsync(Identify("mo", new { email = address }), Track("mo", "news_requested"));
        var html = Html(await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the news email"));

        var pixel = Link(html, "src", "/t/open/");
        for (var i = 0; i < 2; i++)
        {
            using var image = await server.Http.GetAsync(pixel);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/gif", image.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("GIF89a", System.Text.Encoding.ASCII.GetString(await image.Content.ReadAsByteArrayAsync()));
        }

        using (var click = await server.Http.GetAsync(Link(html, "href", "/t/click/")))
        {
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
            Assert.Equal(new Uri("https://shop.example.test/offer"), click.Headers.Location);
        }

        var events = await server.EventsAsync("mo");
        var opened = Assert.Single(events, e => e.EventName == "message_opened");
        Assert.Single(events, e => e.EventName == "message_clicked");
        using var properties = JsonDocument.Parse(opened.PayloadJson);
        var p = properties.RootElement.GetProperty("properties");
        Assert.Equal(("news", "news-email", 1), (p.GetProperty("journey").GetString(), p.GetProperty("step").GetString(), p.GetProperty("instance").GetInt32()));
    }

    [Fact]
    public async Task The_preference_centre_shows_topics_and_channels_and_saving_it_stops_that_topic()
    {
        await using var server = await StartAsync(TestContent.Email(), Smtp());
        const string address = "ned.prefs@example.test";
        await server.SendAsync(Identify("ned", new { email = address }), Track("ned", "news_requested"));
        var preferences = Link(Html(await sink.WaitForAsync(e => e.RcptTo.Contains(address), "the news email")), "href", "/preferences/");

        using (var page = await server.Http.GetAsync(preferences))
        {
            var body = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("name=\"topic:news\" value=\"on\" checked", body);
            Assert.Contains("name=\"channel:email\" value=\"on\" checked", body);
            Assert.Contains("name=\"channel:sms\" value=\"on\">", body);
        }

        using (var saved = await server.Http.PostAsync(preferences, new FormUrlEncodedContent([new("all", "on"), new("channel:email", "on")])))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync());
        }

        var consent = (await server.Store.Consent.ListAsync(Workspace, "ned")).ToDictionary(c => c.Topic, c => c.Granted);
        Assert.Equal(new Dictionary<string, bool> { ["all"] = true, ["news"] = false, ["email"] = true, ["sms"] = false, ["push"] = false }, consent);
        await server.SendAsync(Track("ned", "news_requested"));
        await server.WaitForTraceAsync("ned", t => TraceLines.IsSkip(t, "news", "consent"), "the next news email skipped for consent");
    }

    [Fact]
    public async Task An_unsubscribe_rate_over_the_guardrail_pauses_the_journey_with_its_reason_and_its_sends_stop()
    {
        var settings = Smtp();
        settings["Trellis:Guardrails:MinSends"] = "2";
        settings["Trellis:Guardrails:UnsubscribeRate"] = "0.3";
        await using var server = await StartAsync(TestContent.Email(), settings);
        await server.SendAsync(
            Identify("oz", new { email = "oz.guard@example.test" }), Track("oz", "news_requested"),
            Identify("pia", new { email = "pia.guard@example.test" }), Track("pia", "news_requested"));
        var email = await sink.WaitForAsync(e => e.RcptTo.Contains("oz.guard@example.test"), "oz's email");
        await server.WaitForOutboxAsync("pia", e => e.Status == OutboxStatus.Sent, "pia's email sent");
        await server.WaitForOutboxAsync("oz", e => e.Status == OutboxStatus.Sent, "oz's email sent");

        using (var oneClick = await server.Http.PostAsync(new Uri(email.Header("List-Unsubscribe")!.Trim('<', '>')), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        using var admin = server.Admin();
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/journeys"));
        var news = list.RootElement.GetProperty("journeys").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "news");
        Assert.Equal("paused_by_guardrail", news.GetProperty("status").GetString());
        Assert.StartsWith("guardrail: unsubscribe rate 50% (1 of 2 marketing sends", news.GetProperty("statusReason").GetString());

        // A new person's request is no longer decided by the paused journey.
        await server.SendAsync(Identify("quin", new { email = "quin.guard@example.test" }), Track("quin", "news_requested"), Identify("quin", new { processed = true }));
        await Poll.UntilTrueAsync(async () => (await server.Store.Persons.GetProfileAsync(Workspace, "quin"))?.TraitsJson.Contains("\"processed\":true") == true, "quin processed");
        Assert.Empty(await server.OutboxAsync("quin"));
        Assert.DoesNotContain(await server.TraceAsync("quin"), t => t.JourneyId == "news");
    }

    private static string Html(ReceivedEmail email) => Assert.Single(email.Message.All(), p => p.ContentType == "text/html").Body;

    private static Uri Link(string html, string attribute, string path)
    {
        var match = Attributes().Matches(html).FirstOrDefault(m => m.Groups["name"].Value == attribute && m.Groups["url"].Value.Contains(path, StringComparison.Ordinal));
        Assert.True(match is not null, $"no {attribute} with {path} in {html}");
        return new Uri(WebUtility.HtmlDecode(match.Groups["url"].Value));
    }

    [GeneratedRegex("(?<name>href|src)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Attributes();
}
