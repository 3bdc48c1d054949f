using System.Net;
using System.Text.Json;
using Trellis.Delivery.Tests.Support;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>The in-app inbox through the admin API, over real HTTP: list (all or unread), mark read, and bad requests.</summary>
public sealed class InboxApiTests
{
    [Fact]
    public async Task A_backend_lists_a_persons_messages_and_marks_one_read()
    {
        await using var server = await StartAsync(TestContent.InApp());
        await server.SendAsync(Identify("ivy", new { first_name = "Ivy" }), Track("ivy", "tip_requested"), Track("ivy", "tip_requested"));
        await Poll.UntilTrueAsync(async () => (await server.OutboxAsync("ivy")).Count(e => e.Status == OutboxStatus.Sent) == 2, "both tips delivered");
        using var admin = server.Admin();

        var all = await GetJsonAsync(admin, "/api/profiles/ivy/inbox");
        var messages = all.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal("A tip for Ivy", m.GetProperty("title").GetString()));
        Assert.All(messages, m => Assert.False(m.GetProperty("read").GetBoolean()));
        // Each message was stored by its send's sent mark: the entry names the message it put in the inbox.
        Assert.Equal(
            messages.Select(m => m.GetProperty("id").GetString()).Order(),
            (await server.OutboxAsync("ivy")).Select(e => e.ProviderMessageId).Order());

        var id = messages[1].GetProperty("id").GetString()!;
        using (var read = await admin.PostAsync($"/api/profiles/ivy/inbox/{id}/read", null))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
            Assert.True(body.RootElement.GetProperty("message").GetProperty("read").GetBoolean());
            Assert.NotNull(body.RootElement.GetProperty("message").GetProperty("readAt").GetString());
        }

        var unread = (await GetJsonAsync(admin, "/api/profiles/ivy/inbox?unread=true")).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(messages[0].GetProperty("id").GetString(), Assert.Single(unread).GetProperty("id").GetString());
        Assert.Single((await GetJsonAsync(admin, "/api/profiles/ivy/inbox?limit=1")).GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task Bad_requests_get_a_clear_4xx()
    {
        await using var server = await StartAsync(TestContent.InApp());
        await server.SendAsync(Identify("ivy", new { first_name = "Ivy" }));
        await Poll.UntilTrueAsync(async () => (await server.Admin().GetAsync("/api/profiles/ivy")).StatusCode == HttpStatusCode.OK, "ivy's profile stored");
        using var admin = server.Admin();

        await AssertErrorAsync(admin.GetAsync("/api/profiles/ivy/inbox?limit=0"), HttpStatusCode.BadRequest, "limit between 1 and 500");
        await AssertErrorAsync(admin.GetAsync("/api/profiles/ivy/inbox?unread=maybe"), HttpStatusCode.BadRequest, "unread must be true or false");
        await AssertErrorAsync(admin.GetAsync("/api/profiles/nobody/inbox"), HttpStatusCode.NotFound, "no profile 'nobody'");
        await AssertErrorAsync(admin.PostAsync("/api/profiles/ivy/inbox/no-such-message/read", null), HttpStatusCode.NotFound, "no message 'no-such-message'");
        using var anonymous = TestCertificate.Client(server.BaseAddress);
        using var refused = await anonymous.GetAsync("/api/profiles/ivy/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task AssertErrorAsync(Task<HttpResponseMessage> request, HttpStatusCode status, string fragment)
    {
        using var response = await request;
        Assert.Equal(status, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(fragment, body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
