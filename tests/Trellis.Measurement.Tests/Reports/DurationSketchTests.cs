using Trellis.Measurement.Reports;

namespace Trellis.Measurement.Tests.Reports;

public class DurationSketchTests
{
    [Fact]
    public void Few_distinct_values_give_exact_nearest_rank_quantiles()
    {
        var sketch = new DurationSketch();
        for (var i = 0; i < 1000; i++)
        {
            sketch.Add(i % 10 == 0 ? 3600 : 172_800);
        }

        Assert.True(sketch.IsExact);
        Assert.Equal(172_800, sketch.Quantile(0.5));
        Assert.Equal(172_800, sketch.Quantile(0.9));
        Assert.Equal(3600, sketch.Quantile(0.1));
    }

    [Fact]
    public void Many_distinct_values_stay_within_one_percent()
    {
        var sketch = new DurationSketch();
        var values = Enumerable.Range(1, 50_000).Select(i => Math.Exp(i % 997 / 60.0) + i % 13).ToList();
        values.ForEach(sketch.Add);
        Assert.False(sketch.IsExact);
        var sorted = values.Order().ToArray();
        foreach (var q in new[] { 0.01, 0.25, 0.5, 0.9, 0.99 })
        {
            var truth = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
            Assert.InRange(sketch.Quantile(q)!.Value, truth * 0.99, truth * 1.01);
        }
    }

    [Fact]
    public void Merging_in_any_order_gives_the_same_quantiles()
    {
        var parts = Enumerable.Range(0, 4).Select(p =>
        {
            var s = new DurationSketch();
            for (var i = 0; i < 30; i++)
            {
                s.Add(p * 1000 + i * 7.5);
            }

            return s;
        }).ToArray();
        var forward = new DurationSketch();
        var backward = new DurationSketch();
        foreach (var p in parts)
        {
            forward.Merge(p);
        }

        foreach (var p in parts.Reverse())
        {
            backward.Merge(p);
        }

        Assert.Equal(120, forward.Count);
        foreach (var q in new[] { 0.1, 0.5, 0.9 })
        {
            Assert.Equal(forward.Quantile(q), backward.Quantile(q));
        }
    }
}
