using System.Text;
using Trellis.Channels.Resilience;
using Trellis.Channels.Sms;
using Trellis.Channels.Tests.Support;

namespace Trellis.Channels.Tests.Sms;

/// <summary>SMS against a local server that speaks Twilio's Messages API, including its failures.</summary>
public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private const string MessagesPath = "/2010-04-01/Accounts/AC123/Messages.json";
    private readonly ManualTimeProvider clock = new();
    private readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };
    private ScriptedHttpServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private TwilioSmsSender Sender(Action<SmsOptions>? configure = null)
    {
        var options = new SmsOptions { BaseUrl = server.BaseUrl.AbsoluteUri, AccountSid = "AC123", AuthToken = "tok", From = "+15005550006" };
        configure?.Invoke(options);
        return new TwilioSmsSender(options, client, clock);
    }

    private ResilientChannelSender Resilient(ResilienceOptions? options = null) =>
        new(Sender(), "sms", options ?? Fast(), clock);

    /// <summary>Retries 1s, 2s, 4s (with jitter pinned to the middle); long attempt timeout so only real answers count.</summary>
    private static ResilienceOptions Fast() => new()
    {
        MaxRetryAttempts = 3,
        BaseDelay = TimeSpan.FromSeconds(1),
        AttemptTimeout = TimeSpan.FromHours(1),
        Randomizer = () => 0.5,
        CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 100 },
    };

    private static string Created(string sid) => $"{{\"sid\":\"{sid}\",\"status\":\"queued\"}}";

    [Fact]
    public async Task Posts_the_form_with_basic_auth_and_the_idempotency_token_and_returns_the_sid()
    {
        server.Then(201, Created("SM0001"));
        var message = Messages.Sms("Your code is 1234", "+1 (415) 555-0100");

        var result = await Sender(o => o.StatusCallbackUrl = "https://trellis.example.test/hooks/twilio").SendAsync(message, CancellationToken.None);

        Assert.Equal(new Delivered("SM0001"), result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(MessagesPath, request.Path);
        Assert.Equal("+14155550100", request.Form["To"]);
        Assert.Equal("+15005550006", request.Form["From"]);
        Assert.Equal("Your code is 1234", request.Form["Body"]);
        Assert.Equal("https://trellis.example.test/hooks/twilio", request.Form["StatusCallback"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("AC123:tok")), request.Header("Authorization"));
        Assert.Equal(StableIds.From(message.IdempotencyKey), request.Header(TwilioSmsSender.IdempotencyHeader));
    }

    [Fact]
    public async Task A_messaging_service_replaces_the_from_number()
    {
        server.Then(201, Created("SM0002"));

        await Sender(o => o.MessagingServiceSid = "MG999").SendAsync(Messages.Sms(), CancellationToken.None);

        var form = Assert.Single(server.Requests).Form;
        Assert.Equal("MG999", form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Fact]
    public async Task Error_500_then_503_then_success_is_retried_with_exponential_backoff_and_delivered()
    {
        server.Then(500, "{\"code\":20500}").Then(503, "{\"code\":20503}").Then(201, Created("SM0003"));
        var message = Messages.Sms();

        var result = await Eventually.DriveAsync(Resilient().SendAsync(message, CancellationToken.None), clock);

        Assert.Equal(new Delivered("SM0003"), result);
        Assert.Equal(3, server.Requests.Count);
        // Every attempt is the same logical send: Twilio can drop duplicates.
        Assert.Single(server.Requests.Select(r => r.Header(TwilioSmsSender.IdempotencyHeader)).Distinct());
        var backoffs = RetryDelays();
        Assert.Equal(2, backoffs.Count);
        Assert.True(backoffs[1] > backoffs[0], $"backoff should grow: {string.Join(", ", backoffs)}");
        Assert.All(backoffs, d => Assert.InRange(d, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(8)));
    }

    [Fact]
    public async Task Error_429_waits_exactly_the_retry_after_the_provider_asked_for()
    {
        server.Then(429, "{\"code\":20429}", ("Retry-After", "7")).Then(201, Created("SM0004"));

        var result = await Eventually.DriveAsync(Resilient().SendAsync(Messages.Sms(), CancellationToken.None), clock);

        Assert.Equal(new Delivered("SM0004"), result);
        Assert.Equal([TimeSpan.FromSeconds(7)], RetryDelays());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_we_wait_ends_the_send_as_rate_limited_with_that_wait()
    {
        server.Then(429, "{}", ("Retry-After", "600"));

        var failed = Assert.IsType<DeliveryFailed>(await Eventually.DriveAsync(Resilient().SendAsync(Messages.Sms(), CancellationToken.None), clock));

        Assert.Equal(FailureReason.RateLimited, failed.Reason);
        Assert.Equal(TimeSpan.FromSeconds(600), failed.RetryAfter);
        Assert.True(failed.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Error_400_is_permanent_and_not_retried()
    {
        server.Then(400, "{\"code\":21602,\"message\":\"Message body is required.\",\"status\":400}");

        var failed = Assert.IsType<DeliveryFailed>(await Eventually.DriveAsync(Resilient().SendAsync(Messages.Sms(), CancellationToken.None), clock));

        Assert.Equal(FailureReason.Rejected, failed.Reason);
        Assert.False(failed.IsTransient);
        Assert.Equal(400, failed.ProviderStatus);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Twilio_invalid_number_error_is_a_permanent_invalid_address()
    {
        server.Then(400, "{\"code\":21211,\"message\":\"The 'To' number +14155550100 is not a valid phone number.\",\"status\":400}");

        var failed = Assert.IsType<DeliveryFailed>(await Eventually.DriveAsync(Resilient().SendAsync(Messages.Sms(), CancellationToken.None), clock));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.Contains("21211", failed.Detail);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_retries_with_the_last_failure()
    {
        server.Otherwise = ScriptedHttpServer.Respond(502, "{}");

        var failed = Assert.IsType<DeliveryFailed>(await Eventually.DriveAsync(Resilient().SendAsync(Messages.Sms(), CancellationToken.None), clock));

        Assert.Equal(FailureReason.ProviderUnavailable, failed.Reason);
        Assert.Equal(502, failed.ProviderStatus);
        Assert.Equal(4, server.Requests.Count); // first attempt + 3 retries
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_times_out_on_the_injected_clock()
    {
        server.ThenHang();
        var options = Fast();
        options.MaxRetryAttempts = 0;
        options.AttemptTimeout = TimeSpan.FromSeconds(10);

        var send = Resilient(options).SendAsync(Messages.Sms(), CancellationToken.None);
        await Eventually.TrueAsync(() => server.Requests.Count == 1, "the request to arrive");
        Assert.False(send.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));

        var failed = Assert.IsType<DeliveryFailed>(await send.WaitAsync(Eventually.DefaultDeadline));
        Assert.Equal(FailureReason.Timeout, failed.Reason);
        Assert.True(failed.IsTransient);
    }

    [Fact]
    public async Task Connection_refused_is_transient()
    {
        var port = ClosedPort.Get();
        var sender = Sender(o => o.BaseUrl = $"http://127.0.0.1:{port}");

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Sms(), CancellationToken.None));

        Assert.Equal(FailureReason.ConnectionFailed, failed.Reason);
        Assert.True(failed.IsTransient);
    }

    [Theory]
    [InlineData("0415 555 0100")]
    [InlineData("+1")]
    [InlineData("call me")]
    [InlineData(null)]
    public async Task A_number_that_is_not_e164_fails_without_a_request(string? phone)
    {
        var message = Messages.Sms() with { Address = phone };

        var failed = Assert.IsType<DeliveryFailed>(await Sender().SendAsync(message, CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, failed.Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates_instead_of_becoming_a_result()
    {
        server.ThenHang();
        using var cts = new CancellationTokenSource();

        var send = Resilient().SendAsync(Messages.Sms(), cts.Token);
        await Eventually.TrueAsync(() => server.Requests.Count == 1, "the request to arrive");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(Eventually.DefaultDeadline));
    }

    /// <summary>The delays Polly asked the clock for between attempts (attempt timeouts are 1 h and excluded).</summary>
    private List<TimeSpan> RetryDelays() => clock.RequestedDelays.Where(d => d < TimeSpan.FromMinutes(30)).ToList();
}
