using System.Collections.Concurrent;
using System.Text;

namespace Trellis.Server.Health;

/// <summary>
/// A Prometheus histogram (cumulative buckets, sum, count) per label set. The label set is passed already
/// rendered (see <see cref="PrometheusText.Label"/>) so a caller with several labels pays for one string.
/// </summary>
public sealed class HistogramMetric : IExposedMetric
{
    private readonly string _help;
    private readonly double[] _bounds;
    private readonly ConcurrentDictionary<string, HistogramSeries> _series = new(StringComparer.Ordinal);

    public HistogramMetric(string name, string help, IReadOnlyList<double> bounds)
    {
        Name = name;
        _help = help;
        _bounds = bounds.Order().ToArray();
    }

    public string Name { get; }

    public void Observe(string labels, double value)
    {
        var series = _series.GetOrAdd(labels, _ => new HistogramSeries(_bounds.Length));
        var bucket = Array.FindIndex(_bounds, b => value <= b);
        lock (series)
        {
            series.Counts[bucket < 0 ? _bounds.Length : bucket]++;
            series.Sum += value;
        }
    }

    public long Count(string labels)
    {
        if (!_series.TryGetValue(labels, out var series))
        {
            return 0;
        }

        lock (series)
        {
            return series.Counts.Sum();
        }
    }

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "histogram", _help);
        foreach (var (labels, series) in _series.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            long[] counts;
            double sum;
            lock (series)
            {
                counts = (long[])series.Counts.Clone();
                sum = series.Sum;
            }

            var prefix = labels.Length == 0 ? "" : labels + ",";
            long cumulative = 0;
            for (var i = 0; i <= _bounds.Length; i++)
            {
                cumulative += counts[i];
                var le = i < _bounds.Length ? PrometheusText.Number(_bounds[i]) : "+Inf";
                PrometheusText.Sample(output, Name + "_bucket", prefix + PrometheusText.Label("le", le), cumulative);
            }

            PrometheusText.Sample(output, Name + "_sum", labels, sum);
            PrometheusText.Sample(output, Name + "_count", labels, cumulative);
        }
    }
}
