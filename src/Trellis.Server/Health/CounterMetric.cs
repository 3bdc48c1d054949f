using System.Text;

namespace Trellis.Server.Health;

/// <summary>A monotonically increasing count without labels, safe to increment from any thread.</summary>
public sealed class CounterMetric : IExposedMetric
{
    private readonly string _help;
    private long _value;

    public CounterMetric(string name, string help)
    {
        Name = name;
        _help = help;
    }

    public string Name { get; }

    public long Value => Interlocked.Read(ref _value);

    public void Increment(long by = 1)
    {
        if (by > 0)
        {
            Interlocked.Add(ref _value, by);
        }
    }

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "counter", _help);
        PrometheusText.Sample(output, Name, null, Value);
    }
}
