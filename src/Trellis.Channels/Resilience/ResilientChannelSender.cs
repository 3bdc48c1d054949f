using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Trellis.Channels.Resilience;

/// <summary>
/// Wraps a provider's sender with, outermost first: retries with exponential backoff and jitter for
/// transient failures (waiting out Retry-After), a circuit breaker, a token-bucket rate limit and a
/// timeout per attempt. All timing runs on the injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// One set of these per partition: the provider as a whole by default, or e.g. the target host for
/// webhooks, so one customer's broken endpoint does not open the circuit for everyone else's.
/// Keeps the <see cref="IChannelSender"/> contract: a send that finally fails returns the last
/// failure (or circuit_open / rate_limited with the wait as Retry-After) and never throws for it.
/// </remarks>
public sealed class ResilientChannelSender : IChannelSender
{
    private readonly IChannelSender inner;
    private readonly ResilienceOptions options;
    private readonly TimeProvider time;
    private readonly Func<OutboundMessage, string> partitionOf;
    private readonly ConcurrentDictionary<string, Lazy<ResilienceLane>> lanes = new(StringComparer.Ordinal);

    public ResilientChannelSender(
        IChannelSender inner, string provider, ResilienceOptions options, TimeProvider time, Func<OutboundMessage, string>? partitionOf = null)
    {
        this.inner = inner;
        Provider = provider;
        this.options = options;
        this.time = time;
        this.partitionOf = partitionOf ?? (_ => "");
    }

    public string Provider { get; }

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        // A static factory with its state passed in: a lambda capturing this would be a new delegate per send.
        var lane = lanes.GetOrAdd(partitionOf(message), static (_, self) => new Lazy<ResilienceLane>(self.CreateLane), this).Value;
        try
        {
            return await lane.Pipeline.ExecuteAsync(
                static (state, token) => state.Self.AttemptAsync(state.Lane, state.Message, token),
                (Self: this, Lane: lane, Message: message),
                ct).ConfigureAwait(false);
        }
        catch (BrokenCircuitException open)
        {
            return new DeliveryFailed(FailureReason.CircuitOpen, $"{Provider}: circuit open after repeated provider failures", open.RetryAfter);
        }
    }

    private async ValueTask<DeliveryResult> AttemptAsync(ResilienceLane lane, OutboundMessage message, CancellationToken ct)
    {
        if (lane.Bucket is { } bucket)
        {
            if (!bucket.TryReserve(options.RateLimit.MaxWait, out var wait))
            {
                return new DeliveryFailed(FailureReason.RateLimited, $"{Provider}: local rate limit", wait);
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }
        }

        using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return await inner.SendAsync(message, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new DeliveryFailed(FailureReason.Timeout, $"{Provider}: no answer within {options.AttemptTimeout.TotalSeconds:0.###}s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The inner sender broke its contract; keep ours and don't retry what we don't understand.
            return new DeliveryFailed(FailureReason.Unexpected, $"{Provider}: {e.GetType().Name}: {e.Message}");
        }
    }

    private ResilienceLane CreateLane()
    {
        var builder = new ResiliencePipelineBuilder<DeliveryResult> { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<DeliveryResult>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                Randomizer = options.Randomizer ?? Random.Shared.NextDouble,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is DeliveryFailed failed && ShouldRetry(failed)),
                // The provider's own word on when to come back beats our backoff.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is DeliveryFailed { RetryAfter: { } after } ? after : (TimeSpan?)null),
            });
        }

        var breaker = options.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<DeliveryResult>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is DeliveryFailed failed && CountsAgainstProvider(failed)),
        });

        var limit = options.RateLimit;
        var bucket = limit.PermitsPerSecond > 0 ? new TokenBucket(limit.PermitsPerSecond, limit.Burst, time) : null;
        return new ResilienceLane(builder.Build(), bucket);
    }

    private bool ShouldRetry(DeliveryFailed failed) =>
        failed.IsTransient
        && failed.Reason != FailureReason.CircuitOpen
        && (failed.RetryAfter is null || failed.RetryAfter <= options.MaxHonouredRetryAfter);

    /// <summary>Signs that the provider itself is unwell; throttling (429) and bad messages are not.</summary>
    private static bool CountsAgainstProvider(DeliveryFailed failed) =>
        failed.Reason is FailureReason.Timeout or FailureReason.ProviderUnavailable or FailureReason.ConnectionFailed;
}
