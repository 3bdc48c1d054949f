using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Trellis.Channels.Tests.Support;
using Trellis.Channels.Tokens;
using Trellis.Delivery.Tests.Support;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.Recipients;

/// <summary>
/// Every recipient endpoint refuses a token that is forged, signed with another key, tampered with, meant for
/// another endpoint or expired: a plain HTML page (404; 400 when expired), and nothing is recorded.
/// </summary>
public sealed class TokenForgeryTests
{
    private const string Person = "lu";
    private const string Send = "news#1/news-email";

    private static readonly (string Method, string Path, TokenPurpose Purpose)[] Endpoints =
    [
        ("GET", "unsubscribe", TokenPurpose.Unsubscribe),
        ("POST", "unsubscribe", TokenPurpose.Unsubscribe),
        ("GET", "preferences", TokenPurpose.Preferences),
        ("POST", "preferences", TokenPurpose.Preferences),
        ("GET", "t/open", TokenPurpose.Open),
        ("GET", "t/click", TokenPurpose.Click),
    ];

    [Fact]
    public Task A_made_up_token_is_refused_everywhere() =>
        RefusedEverywhereAsync(HttpStatusCode.NotFound, _ => "eyJub3QiOiJvdXJzIn0.c2lnbmF0dXJl");

    [Fact]
    public Task A_token_signed_with_another_key_is_refused_everywhere() =>
        RefusedEverywhereAsync(HttpStatusCode.NotFound, purpose => Issue(Tokens(Enumerable.Repeat((byte)7, 32).ToArray()), purpose));

    [Fact]
    public Task A_tampered_token_is_refused_everywhere() =>
        RefusedEverywhereAsync(HttpStatusCode.NotFound, purpose => Tamper(Issue(Tokens(TokenSecret), purpose)));

    [Fact]
    public Task A_token_for_another_purpose_is_refused_everywhere() =>
        RefusedEverywhereAsync(HttpStatusCode.NotFound, purpose => Issue(Tokens(TokenSecret), purpose == TokenPurpose.Open ? TokenPurpose.Click : TokenPurpose.Open));

    [Fact]
    public Task An_expired_token_is_refused_everywhere() =>
        RefusedEverywhereAsync(HttpStatusCode.BadRequest, purpose => Issue(Tokens(TokenSecret, new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(-30))), purpose));

    [Fact]
    public async Task A_genuine_token_works_on_every_endpoint_so_the_refusals_above_are_about_the_token()
    {
        await using var server = await StartAsync(TestContent.Email());
        foreach (var (method, path, purpose) in Endpoints)
        {
            using var response = await CallAsync(server, method, path, Issue(Tokens(TokenSecret), purpose));
            Assert.True((int)response.StatusCode is 200 or 302, $"{method} /{path}: {(int)response.StatusCode}");
        }
    }

    private static async Task RefusedEverywhereAsync(HttpStatusCode expected, Func<TokenPurpose, string> tokenFor)
    {
        await using var server = await StartAsync(TestContent.Email());
        foreach (var (method, path, purpose) in Endpoints)
        {
            using var response = await CallAsync(server, method, path, tokenFor(purpose));
            Assert.True(expected == response.StatusCode, $"{method} /{path}: expected {(int)expected}, got {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("This link", await response.Content.ReadAsStringAsync());
        }

        Assert.Empty(await server.EventsAsync(Person));
        Assert.Empty(await server.Store.Consent.ListAsync(Workspace, Person));
    }

    private static Task<HttpResponseMessage> CallAsync(DeliveryServer server, string method, string path, string token)
    {
        var url = $"/{path}/{token}";
        return method == "GET"
            ? server.Http.GetAsync(url)
            : server.Http.PostAsync(url, new FormUrlEncodedContent(path == "unsubscribe"
                ? [new("List-Unsubscribe", "One-Click")]
                : [new KeyValuePair<string, string>("all", "on")]));
    }

    private static RecipientTokens Tokens(byte[] secret, TimeProvider? time = null) =>
        new(new SigningKeyRing([new SigningKey(TokenKeyId, secret)], TokenKeyId), time ?? TimeProvider.System);

    private static string Issue(RecipientTokens tokens, TokenPurpose purpose) => tokens.Issue(
        purpose, Workspace.Value, Person, TimeSpan.FromDays(1),
        extra: purpose == TokenPurpose.Click ? "https://shop.example.test/offer" : null,
        reference: purpose == TokenPurpose.Preferences ? null : Send);

    /// <summary>Keeps the signature, changes whose token it is: what someone would do to unsubscribe another person.</summary>
    private static string Tamper(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, dot)))!.AsArray();
        payload[4] = "someone-else";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + token[dot..];
    }
}
