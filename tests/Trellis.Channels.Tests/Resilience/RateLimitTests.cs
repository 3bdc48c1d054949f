using Trellis.Channels.Resilience;
using Trellis.Channels.Tests.Support;

namespace Trellis.Channels.Tests.Resilience;

/// <summary>The token bucket and its use in front of a provider.</summary>
public sealed class RateLimitTests
{
    private readonly ManualTimeProvider clock = new();

    [Fact]
    public void A_bucket_gives_its_burst_at_once_then_one_permit_per_interval()
    {
        var bucket = new TokenBucket(permitsPerSecond: 2, burst: 3, clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(bucket.TryReserve(TimeSpan.Zero, out var none));
            Assert.Equal(TimeSpan.Zero, none);
        }

        Assert.True(bucket.TryReserve(TimeSpan.FromSeconds(10), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.5), wait);
        Assert.True(bucket.TryReserve(TimeSpan.FromSeconds(10), out var queued));
        Assert.Equal(TimeSpan.FromSeconds(1), queued); // reserved behind the previous caller

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(bucket.TryReserve(TimeSpan.Zero, out var refilled));
        Assert.Equal(TimeSpan.Zero, refilled);
    }

    [Fact]
    public void A_wait_beyond_the_limit_takes_nothing()
    {
        var bucket = new TokenBucket(permitsPerSecond: 1, burst: 1, clock);
        Assert.True(bucket.TryReserve(TimeSpan.Zero, out _));

        Assert.False(bucket.TryReserve(TimeSpan.FromMilliseconds(500), out var wait));
        Assert.Equal(TimeSpan.FromSeconds(1), wait);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(bucket.TryReserve(TimeSpan.Zero, out _)); // the refused call did not use it up
    }

    [Fact]
    public async Task The_sender_waits_for_a_permit_on_the_clock_and_fails_as_rate_limited_past_the_max_wait()
    {
        var inner = new CountingSender();
        var sender = new ResilientChannelSender(inner, "test", new ResilienceOptions
        {
            MaxRetryAttempts = 0,
            RateLimit = new RateLimitOptions { PermitsPerSecond = 1, Burst = 1, MaxWait = TimeSpan.FromSeconds(1.5) },
        }, clock);

        Assert.IsType<Delivered>(await sender.SendAsync(Messages.Sms(), CancellationToken.None));
        var second = sender.SendAsync(Messages.Sms(), CancellationToken.None);
        Assert.False(second.IsCompleted); // waiting a second for its permit
        var third = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Messages.Sms(), CancellationToken.None));
        Assert.Equal(FailureReason.RateLimited, third.Reason);
        Assert.Equal(TimeSpan.FromSeconds(2), third.RetryAfter);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<Delivered>(await second.WaitAsync(Eventually.DefaultDeadline));
        Assert.Equal(2, inner.Calls);
    }
}
