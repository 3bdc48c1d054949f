using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Text;

namespace Trellis.Server.Health;

/// <summary>A counter with one label (e.g. <c>reason</c>, <c>type</c>). Keep label values to a small fixed set.</summary>
public sealed class LabeledCounterMetric : IExposedMetric
{
    private readonly string _help;
    private readonly string _label;
    private readonly ConcurrentDictionary<string, StrongBox<long>> _values = new(StringComparer.Ordinal);

    public LabeledCounterMetric(string name, string label, string help)
    {
        Name = name;
        _label = label;
        _help = help;
    }

    public string Name { get; }

    public long Value(string labelValue) =>
        _values.TryGetValue(labelValue, out var box) ? Interlocked.Read(ref box.Value) : 0;

    public void Increment(string labelValue, long by = 1)
    {
        if (by > 0)
        {
            Interlocked.Add(ref _values.GetOrAdd(labelValue, _ => new StrongBox<long>()).Value, by);
        }
    }

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "counter", _help);
        foreach (var (value, box) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            PrometheusText.Sample(output, Name, PrometheusText.Label(_label, value), Interlocked.Read(ref box.Value));
        }
    }
}
