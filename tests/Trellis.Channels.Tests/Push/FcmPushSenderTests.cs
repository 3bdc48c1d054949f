using System.Text.Json;
using Trellis.Channels.Push;
using Trellis.Channels.Resilience;
using Trellis.Channels.Tests.Support;

namespace Trellis.Channels.Tests.Push;

/// <summary>Push against a local server that speaks FCM HTTP v1.</summary>
public sealed class FcmPushSenderTests : IAsyncLifetime
{
    private readonly ManualTimeProvider clock = new();
    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private ScriptedHttpServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private FcmPushSender Sender() => new(
        new PushOptions { BaseUrl = server.BaseUrl.AbsoluteUri, ProjectId = "acme-app" },
        client,
        new StaticAccessTokenSource("ya29.test-token"),
        clock);

    [Fact]
    public async Task Sends_the_v1_message_shape_with_a_bearer_token()
    {
        server.Then(200, "{\"name\":\"projects/acme-app/messages/0:1500415314455276%31bd1c9631bd1c96\"}");
        var message = Messages.Push("Your trial ends soon", "3 days left") with
        {
            Metadata = new Dictionary<string, string> { ["deep_link"] = "acme://billing", ["journey"] = "trial-to-paid" },
        };

        var result = await Sender().SendAsync(message, CancellationToken.None);

        Assert.Equal(new Delivered("projects/acme-app/messages/0:1500415314455276%31bd1c9631bd1c96"), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/projects/acme-app/messages:send", request.Path);
        Assert.Equal("Bearer ya29.test-token", request.Header("Authorization"));
        using var json = JsonDocument.Parse(request.Body);
        var inner = json.RootElement.GetProperty("message");
        Assert.Equal("device-token-abc", inner.GetProperty("token").GetString());
        Assert.Equal("Your trial ends soon", inner.GetProperty("notification").GetProperty("title").GetString());
        Assert.Equal("3 days left", inner.GetProperty("notification").GetProperty("body").GetString());
        Assert.Equal("acme://billing", inner.GetProperty("data").GetProperty("deep_link").GetString());
    }

    [Fact]
    public async Task An_unregistered_token_is_a_permanent_invalid_address()
    {
        server.Then(404, """
            {"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND",
              "details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}
            """);

        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(Messages.Push(), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.Contains("UNREGISTERED", failed.Detail);
    }

    [Fact]
    public async Task Unavailable_then_success_is_retried()
    {
        server.Then(503, "{\"error\":{\"code\":503,\"status\":\"UNAVAILABLE\"}}").Then(200, "{\"name\":\"projects/acme-app/messages/2\"}");
        var resilient = new ResilientChannelSender(Sender(), "push", new ResilienceOptions { AttemptTimeout = TimeSpan.FromHours(1) }, clock);

        var result = await Eventually.DriveAsync(resilient.SendAsync(Messages.Push(), CancellationToken.None), clock);

        Assert.Equal(new Delivered("projects/acme-app/messages/2"), result);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_push_without_a_token_fails_without_a_request()
    {
        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(Messages.Push() with { Address = " " }, CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.Empty(server.Requests);
    }
}
