using System.Text;
using Trellis.Server.Processing;

namespace Trellis.Server.Health;

/// <summary>A <see cref="LatencyHistogram"/> kept elsewhere (the engine worker's), exposed as a Prometheus histogram.</summary>
public sealed class LatencyHistogramMetric(string name, string help, LatencyHistogram histogram) : IExposedMetric
{
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    public string Name { get; } = name;

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "histogram", help);
        foreach (var bound in Bounds)
        {
            PrometheusText.Sample(output, Name + "_bucket", PrometheusText.Label("le", PrometheusText.Number(bound)), histogram.CountAtMost(bound));
        }

        var count = histogram.Count;
        PrometheusText.Sample(output, Name + "_bucket", PrometheusText.Label("le", "+Inf"), count);
        PrometheusText.Sample(output, Name + "_sum", null, histogram.SumSeconds);
        PrometheusText.Sample(output, Name + "_count", null, count);
    }
}
