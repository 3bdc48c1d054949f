using System.Net;
using System.Text.Json;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>A marketing webhook step end to end: posted signed with an idempotency key; after the unsubscribe it carried, the next one is skipped.</summary>
public sealed class WebhookUnsubscribeTests : IAsyncLifetime
{
    private ScriptedHttpServer _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await ScriptedHttpServer.StartAsync();
        _receiver.Otherwise = ScriptedHttpServer.Respond(200, "{\"ok\": true}");
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_webhook_step_posts_once_and_stops_after_the_unsubscribe_it_carried()
    {
        await using var server = await StartAsync(TestContent.Webhook(new Uri(_receiver.BaseUrl, "/partner").AbsoluteUri));
        await server.SendAsync(Identify("ed", new { email = "ed@example.test" }), Track("ed", "hook_requested"));

        await Eventually.TrueAsync(() => _receiver.Requests.Count == 1, "the webhook post");
        var post = _receiver.Requests[0];
        Assert.Equal("/partner", post.Path);
        Assert.False(string.IsNullOrEmpty(post.Header("Idempotency-Key")));
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal("ed@example.test", body.RootElement.GetProperty("user").GetString());
        var unsubscribe = new Uri(body.RootElement.GetProperty("unsubscribe").GetString()!);
        await server.WaitForOutboxAsync("ed", e => e.Status == Trellis.Storage.OutboxStatus.Sent, "the webhook recorded as sent");

        using (var oneClick = await server.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        await server.SendAsync(Track("ed", "hook_requested"));
        await server.WaitForTraceAsync("ed", t => TraceLines.IsSkip(t, "hook", "consent"), "the second webhook skipped for consent");
        Assert.Single(_receiver.Requests);
    }
}
