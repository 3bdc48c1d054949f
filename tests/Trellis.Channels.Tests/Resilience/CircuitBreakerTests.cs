using Trellis.Channels.Resilience;
using Trellis.Channels.Sms;
using Trellis.Channels.Tests.Support;

namespace Trellis.Channels.Tests.Resilience;

/// <summary>The breaker stops traffic to a failing provider and lets it recover.</summary>
public sealed class CircuitBreakerTests : IAsyncLifetime
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

    private ResilientChannelSender Sender() => new(
        new TwilioSmsSender(new SmsOptions { BaseUrl = server.BaseUrl.AbsoluteUri, AccountSid = "AC1", AuthToken = "t", From = "+15005550006" }, client, clock),
        "sms",
        new ResilienceOptions
        {
            MaxRetryAttempts = 0,
            AttemptTimeout = TimeSpan.FromHours(1),
            CircuitBreaker = new CircuitBreakerOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(60),
            },
        },
        clock);

    [Fact]
    public async Task Opens_after_repeated_provider_failures_sends_nothing_while_open_and_closes_after_a_good_probe()
    {
        var sender = Sender();
        server.Otherwise = ScriptedHttpServer.Respond(500, "{}");
        for (var i = 0; i < 4; i++)
        {
            var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Sms(), CancellationToken.None));
            Assert.Equal(FailureReason.ProviderUnavailable, failed.Reason);
        }

        var open = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Sms(), CancellationToken.None));
        Assert.Equal(FailureReason.CircuitOpen, open.Reason);
        Assert.True(open.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(60), open.RetryAfter);
        Assert.Equal(4, server.Requests.Count); // the open circuit sent nothing

        clock.Advance(TimeSpan.FromSeconds(61));
        server.Otherwise = ScriptedHttpServer.Respond(201, "{\"sid\":\"SM-probe\"}");
        Assert.Equal(new Delivered("SM-probe"), await sender.SendAsync(Messages.Sms(), CancellationToken.None));
        Assert.Equal(new Delivered("SM-probe"), await sender.SendAsync(Messages.Sms(), CancellationToken.None));
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task Permanent_rejections_do_not_open_the_circuit()
    {
        var sender = Sender();
        server.Otherwise = ScriptedHttpServer.Respond(400, "{\"code\":21602}");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(FailureReason.Rejected, Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Sms(), CancellationToken.None)).Reason);
        }

        Assert.Equal(6, server.Requests.Count);
    }
}
