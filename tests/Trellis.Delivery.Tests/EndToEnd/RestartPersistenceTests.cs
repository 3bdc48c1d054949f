using System.Globalization;
using System.Net;
using System.Text.Json;
using Trellis.Channels.InApp;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using Trellis.Storage;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>What the delivery side keeps across a restart of <c>trellis serve</c> on the same SQLite file.</summary>
public sealed class RestartPersistenceTests(SmtpSink sink) : IClassFixture<SmtpSink>
{
    [Fact]
    public async Task In_app_messages_and_their_read_state_survive_a_restart_and_stay_in_their_workspace()
    {
        var first = await StartAsync(TestContent.InApp());
        await using var restarted = await RestartedAfterAsync(first, async server =>
        {
            await server.SendAsync(Identify("ivy", new { first_name = "Ivy" }), Track("ivy", "tip_requested"), Track("ivy", "tip_requested"));
            await Poll.UntilTrueAsync(async () => (await server.OutboxAsync("ivy")).Count(e => e.Status == OutboxStatus.Sent) == 2, "both tips delivered");
            var inbox = await server.Service<IInAppInbox>().ListAsync(Workspace.Value, "ivy", unreadOnly: false, limit: 10, CancellationToken.None);
            Assert.Equal(2, inbox.Count);
            Assert.All(inbox, m => Assert.Equal("A tip for Ivy", m.Title));
            Assert.True(await server.Service<IInAppInbox>().MarkReadAsync(Workspace.Value, "ivy", inbox[1].Id, CancellationToken.None));
            return inbox;
        });

        var before = restarted.Before;
        var inboxAfter = restarted.Server.Service<IInAppInbox>();
        var after = await inboxAfter.ListAsync(Workspace.Value, "ivy", unreadOnly: false, limit: 10, CancellationToken.None);
        Assert.Equal(before.Select(m => (m.Id, m.SendId, m.Title)), after.Select(m => (m.Id, m.SendId, m.Title)));
        Assert.True(after[1].IsRead);
        Assert.Equal(before[0].Id, Assert.Single(await inboxAfter.ListAsync(Workspace.Value, "ivy", unreadOnly: true, limit: 10, CancellationToken.None)).Id);
        Assert.Empty(await inboxAfter.ListAsync("another-workspace", "ivy", unreadOnly: false, limit: 10, CancellationToken.None));
        Assert.False(await inboxAfter.MarkReadAsync("another-workspace", "ivy", before[0].Id, CancellationToken.None));
    }

    [Fact]
    public async Task The_guardrail_counts_sends_from_before_a_restart_and_its_pause_survives_the_next_one()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Trellis:Guardrails:MinSends"] = "2",
            ["Trellis:Guardrails:UnsubscribeRate"] = "0.3",
            // Only the flush on shutdown may carry the sends over: no periodic flush during this test.
            ["Trellis:Guardrails:FlushInterval"] = "01:00:00",
        };
        var first = await StartAsync(TestContent.Email(), settings);
        await using var restarted = await RestartedAfterAsync(first, async server =>
        {
            await server.SendAsync(
                Identify("rex", new { email = "rex.restart@example.test" }), Track("rex", "news_requested"),
                Identify("sol", new { email = "sol.restart@example.test" }), Track("sol", "news_requested"));
            var email = await sink.WaitForAsync(e => e.RcptTo.Contains("rex.restart@example.test"), "rex's email");
            await server.WaitForOutboxAsync("rex", e => e.Status == OutboxStatus.Sent, "rex's email sent");
            await server.WaitForOutboxAsync("sol", e => e.Status == OutboxStatus.Sent, "sol's email sent");
            return new Uri(email.Header("List-Unsubscribe")!.Trim('<', '>'));
        });

        // The new process knows of no sends of its own: 1 unsubscribe in 2 sends is only over 30% if the
        // sends before the restart were kept. The link was signed by the first process, with the same key.
        var server = restarted.Server;
        var unsubscribe = new Uri(server.BaseAddress, restarted.Before.PathAndQuery);
        using (var oneClick = await server.Http.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        Assert.StartsWith("guardrail: unsubscribe rate 50% (1 of 2 marketing sends", await NewsStatusAsync(server, "paused_by_guardrail"));

        await using var again = await server.RestartAsync();
        Assert.StartsWith("guardrail: unsubscribe rate 50% (1 of 2 marketing sends", await NewsStatusAsync(again, "paused_by_guardrail"));
        var counts = await again.Store.GuardrailCounts.SumAsync(Workspace, "news", NodaTime.Instant.MinValue, NodaTime.Instant.MaxValue);
        Assert.Equal(new GuardrailTally(2, 0, 1), counts);
    }

    private static async Task<string?> NewsStatusAsync(DeliveryServer server, string expectedStatus)
    {
        using var admin = server.Admin();
        using var list = JsonDocument.Parse(await admin.GetStringAsync("/api/journeys"));
        var news = list.RootElement.GetProperty("journeys").EnumerateArray().Single(j => j.GetProperty("id").GetString() == "news");
        Assert.Equal(expectedStatus, news.GetProperty("status").GetString());
        return news.GetProperty("statusReason").GetString();
    }

    /// <summary>Runs <paramref name="before"/> on the first server, then restarts it; the first server is disposed if anything fails.</summary>
    private static async Task<Restarted<T>> RestartedAfterAsync<T>(DeliveryServer first, Func<DeliveryServer, Task<T>> before)
    {
        T result;
        try
        {
            result = await before(first);
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }

        return new Restarted<T>(await first.RestartAsync(), result);
    }

    private sealed record Restarted<T>(DeliveryServer Server, T Before) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
