using Trellis.Channels.Tests.Support;
using Trellis.Channels.Tokens;
using Trellis.Channels.Tracking;

namespace Trellis.Channels.Tests.Tracking;

/// <summary>Recipient links and click/open tracking in HTML.</summary>
public sealed class TrackingTests
{
    private readonly ManualTimeProvider clock = new();
    private readonly RecipientTokens tokens;
    private readonly RecipientLinks links;

    public TrackingTests()
    {
        tokens = new RecipientTokens(new SigningKeyRing([new SigningKey("k1", new byte[32])], "k1"), clock);
        links = new RecipientLinks(new RecipientLinkOptions { PublicUrl = "https://trellis.example.test/" }, tokens);
    }

    private static string TokenOf(Uri link) => link.AbsolutePath[(link.AbsolutePath.LastIndexOf('/') + 1)..];

    [Fact]
    public void Links_point_at_the_public_url_with_a_token_for_their_purpose()
    {
        var unsubscribe = links.Unsubscribe("ws1", "p1", "send-1");
        var preferences = links.Preferences("ws1", "p1");
        var open = links.OpenPixel("ws1", "p1", "send-1");

        Assert.StartsWith("https://trellis.example.test/unsubscribe/", unsubscribe.AbsoluteUri);
        Assert.StartsWith("https://trellis.example.test/preferences/", preferences.AbsoluteUri);
        Assert.StartsWith("https://trellis.example.test/t/open/", open.AbsoluteUri);
        Assert.Equal("send-1", tokens.Verify(TokenOf(unsubscribe), TokenPurpose.Unsubscribe).Claims!.Reference);
        Assert.True(tokens.Verify(TokenOf(preferences), TokenPurpose.Preferences).IsValid);
        Assert.Equal(TokenRefusal.WrongPurpose, tokens.Verify(TokenOf(open), TokenPurpose.Unsubscribe).Refusal);
    }

    [Fact]
    public void Http_links_become_click_redirects_that_carry_the_original_url_and_a_pixel_is_added()
    {
        var unsubscribe = links.Unsubscribe("ws1", "p1", "send-1");
        var html = $"""
            <html><body>
            <a class="btn" href="https://acme.example.test/upgrade?plan=pro&amp;src=email">Upgrade</a>
            <a href='http://acme.example.test/blog'>Blog</a>
            <a href="mailto:help@acme.example.test">Mail us</a>
            <a href="#top">Top</a>
            <a data-trellis-notrack href="https://acme.example.test/private">Private</a>
            <a href="{unsubscribe.AbsoluteUri}">Unsubscribe</a>
            </body></html>
            """;

        var rewritten = TrackingHtmlRewriter.Rewrite(
            html,
            url => links.Click("ws1", "p1", "send-1", url),
            links.OpenPixel("ws1", "p1", "send-1"),
            [unsubscribe]);

        var hrefs = System.Text.RegularExpressions.Regex.Matches(rewritten, "href=[\"']([^\"']*)[\"']").Select(m => m.Groups[1].Value).ToList();
        var clicks = hrefs.Where(h => h.StartsWith("https://trellis.example.test/t/click/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, clicks.Count);
        var destinations = clicks.Select(c => tokens.Verify(TokenOf(new Uri(c)), TokenPurpose.Click).Claims!.Extra).ToList();
        Assert.Equal(["https://acme.example.test/upgrade?plan=pro&src=email", "http://acme.example.test/blog"], destinations);
        Assert.Contains("mailto:help@acme.example.test", hrefs);
        Assert.Contains("#top", hrefs);
        Assert.Contains("https://acme.example.test/private", hrefs);
        Assert.Contains(unsubscribe.AbsoluteUri, hrefs);
        Assert.Contains("class=\"btn\"", rewritten);
        Assert.Matches("<img src=\"https://trellis\\.example\\.test/t/open/[^\"]+\" width=\"1\" height=\"1\"[^>]*/></body>", rewritten);
    }

    [Fact]
    public void Html_without_a_body_tag_gets_the_pixel_at_the_end()
    {
        var rewritten = TrackingHtmlRewriter.Rewrite("<p>Hi</p>", url => new Uri(url), new Uri("https://t.example.test/o/x"));

        Assert.EndsWith("<img src=\"https://t.example.test/o/x\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none;border:0\" />", rewritten);
    }
}
