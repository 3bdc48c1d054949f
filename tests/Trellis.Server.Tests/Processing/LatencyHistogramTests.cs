using NodaTime;
using Trellis.Server.Processing;

namespace Trellis.Server.Tests.Processing;

/// <summary>The engine's delay distributions: 1 ms buckets below 1 s, 100 ms to 60 s, one beyond; quantiles read from them.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void Quantiles_are_the_upper_edge_of_the_bucket_that_holds_them()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 0; ms < 100; ms++)
        {
            histogram.Record(Duration.FromMilliseconds(ms + 0.5));
        }

        Assert.Equal(100, histogram.Count);
        Assert.Equal(0.050, histogram.Quantile(0.5));
        Assert.Equal(0.099, histogram.Quantile(0.99));
        Assert.Equal(0.100, histogram.Quantile(1));
        Assert.Equal(Enumerable.Range(0, 100).Sum(ms => ms + 0.5) / 1000, histogram.SumSeconds, precision: 6);
    }

    [Theory]
    [InlineData(-5, 0.001)]
    [InlineData(999.5, 1.0)]
    [InlineData(1000, 1.1)]
    [InlineData(1234, 1.3)]
    [InlineData(59_999, 60.0)]
    [InlineData(60_000, double.PositiveInfinity)]
    public void A_delay_lands_in_its_bucket(double milliseconds, double upperEdge)
    {
        var histogram = new LatencyHistogram();

        histogram.Record(Duration.FromMilliseconds(milliseconds));

        Assert.Equal(upperEdge, histogram.Quantile(1)!.Value, precision: 9);
    }

    [Fact]
    public void Counts_at_most_a_bound_include_exactly_the_buckets_below_it()
    {
        var histogram = new LatencyHistogram();
        foreach (var ms in new[] { 3.0, 4.99, 5.0, 5.01, 900, 2_400, 70_000 })
        {
            histogram.Record(Duration.FromMilliseconds(ms));
        }

        Assert.Equal(2, histogram.CountAtMost(0.005));
        Assert.Equal(4, histogram.CountAtMost(0.010));
        Assert.Equal(5, histogram.CountAtMost(1));
        Assert.Equal(6, histogram.CountAtMost(2.5));
        Assert.Equal(6, histogram.CountAtMost(60));
        Assert.Equal(7, histogram.Count);
    }

    [Fact]
    public void Nothing_recorded_has_no_quantile_and_a_bad_quantile_is_refused()
    {
        var histogram = new LatencyHistogram();

        Assert.Null(histogram.Quantile(0.99));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Quantile(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => histogram.Quantile(1.5));
    }

    [Fact]
    public void Concurrent_records_are_all_counted()
    {
        var histogram = new LatencyHistogram();

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.Record(Duration.FromMilliseconds((worker * 10_000 + i) % 2_000));
            }
        });

        Assert.Equal(80_000, histogram.Count);
        Assert.Equal(40_000, histogram.CountAtMost(1));
    }

    [Fact]
    public void The_difference_of_two_copies_is_the_distribution_between_them()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(Duration.FromSeconds(30));
        var before = histogram.CountsNow();
        histogram.Record(Duration.FromMilliseconds(2.5));
        histogram.Record(Duration.FromMilliseconds(7.5));

        var between = histogram.CountsNow().Zip(before, (now, then) => now - then).ToArray();

        Assert.Equal(0.003, LatencyHistogram.QuantileOf(between, 0.5));
        Assert.Equal(0.008, LatencyHistogram.QuantileOf(between, 1));
        Assert.Equal(30.1, histogram.Quantile(1)!.Value, precision: 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyHistogram.QuantileOf(new long[3], 0.5));
    }
}
