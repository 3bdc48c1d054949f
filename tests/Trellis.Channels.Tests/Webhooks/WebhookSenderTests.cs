using System.Text.Json;
using Trellis.Channels.Network;
using Trellis.Channels.Tasks;
using Trellis.Channels.Tests.Support;
using Trellis.Channels.Webhooks;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Webhooks;

/// <summary>Webhook and task sends to a local receiver: signed, idempotent, JSON.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private const string Secret = "whsec-test-secret";
    private readonly ManualTimeProvider clock = new();
    private readonly CountingConnector connector = new();
    private ScriptedHttpServer server = null!;
    private HttpClient client = null!;
    private SignedJsonPoster poster = null!;

    public async Task InitializeAsync()
    {
        server = await ScriptedHttpServer.StartAsync();
        var options = new WebhookOptions { SigningSecret = Secret, RequireHttps = false, AllowLoopback = true };
        var guard = new NetworkTargetGuard(options.ToPolicy(), SystemHostResolver.Instance);
        client = SignedJsonPoster.CreateGuardedClient(guard, connector);
        poster = new SignedJsonPoster(options, guard, client, clock);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private string Url(string path = "/hooks/crm") => new Uri(server.BaseUrl, path).AbsoluteUri;

    [Fact]
    public async Task Posts_the_rendered_body_with_a_signature_the_receiver_can_verify()
    {
        server.Then(204, "");
        var message = Messages.Webhook(Url()) with { Headers = new Dictionary<string, string> { ["X-Source"] = "trellis", ["Host"] = "evil.example" } };

        var result = await new WebhookSender(poster).SendAsync(message, CancellationToken.None);

        Assert.IsType<Delivered>(result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/hooks/crm", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal(message.Part(MessageParts.Body), request.Body);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Header(WebhookSignature.TimestampHeader));
        Assert.True(WebhookSignature.Verify(Secret, request.Header(WebhookSignature.TimestampHeader), request.Body, request.Header(WebhookSignature.SignatureHeader), clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(message.IdempotencyKey.Value, request.Header(WebhookSignature.IdempotencyHeader));
        Assert.Equal("trellis", request.Header("X-Source"));
        Assert.StartsWith("127.0.0.1", request.Header("Host"));
    }

    [Fact]
    public void A_signature_fails_for_another_body_another_secret_or_an_old_timestamp()
    {
        var now = clock.GetUtcNow();
        var t = now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(Secret, t, "{\"a\":1}");
        var ts = t.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(WebhookSignature.Verify(Secret, ts, "{\"a\":1}", signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, ts, "{\"a\":2}", signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("other", ts, "{\"a\":1}", signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, (t + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"a\":1}", signature, now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, ts, "{\"a\":1}", signature, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid_content()
    {
        var failed = Assert.IsType<DeliveryFailed>(await new WebhookSender(poster).SendAsync(Messages.Webhook(Url(), "not json {"), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidContent, failed.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_is_not_followed()
    {
        server.Then(302, "", ("Location", "http://169.254.169.254/latest/meta-data/"));

        var failed = Assert.IsType<DeliveryFailed>(await new WebhookSender(poster).SendAsync(Messages.Webhook(Url()), CancellationToken.None));

        Assert.Equal(FailureReason.Rejected, failed.Reason);
        Assert.Single(server.Requests);
        Assert.All(connector.Connections, c => Assert.Equal(server.Port, c.Port));
    }

    [Fact]
    public async Task A_task_is_posted_to_the_configured_url_as_signed_json()
    {
        server.Then(201, "{}");
        var sender = new TaskSender(new TaskOptions { Url = Url("/team/tasks") }, poster);
        var message = Messages.Create(Channel.Task, null, (MessageParts.Title, "Call Ada about renewal"), (MessageParts.Body, "Plan: pro, renews in 21 days")) with
        {
            Metadata = new Dictionary<string, string> { ["journey"] = "renewal" },
        };

        Assert.IsType<Delivered>(await sender.SendAsync(message, CancellationToken.None));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/team/tasks", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("task", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("p1", json.RootElement.GetProperty("person_id").GetString());
        Assert.Equal("Call Ada about renewal", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("Plan: pro, renews in 21 days", json.RootElement.GetProperty("body").GetString());
        Assert.Equal("renewal", json.RootElement.GetProperty("metadata").GetProperty("journey").GetString());
        Assert.True(WebhookSignature.Verify(Secret, request.Header(WebhookSignature.TimestampHeader), request.Body, request.Header(WebhookSignature.SignatureHeader), clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_task_without_a_configured_url_is_misconfigured()
    {
        var sender = new TaskSender(new TaskOptions(), poster);

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Create(Channel.Task, null, (MessageParts.Title, "x")), CancellationToken.None));

        Assert.Equal(FailureReason.Misconfigured, failed.Reason);
    }
}
