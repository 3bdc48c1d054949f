using System.Text;

namespace Trellis.Server.Health;

/// <summary>A counter kept elsewhere (e.g. by the engine worker) and read when /metrics is scraped.</summary>
public sealed class CallbackCounterMetric : IExposedMetric
{
    private readonly string _help;
    private readonly Func<long> _read;

    public CallbackCounterMetric(string name, string help, Func<long> read)
    {
        Name = name;
        _help = help;
        _read = read;
    }

    public string Name { get; }

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "counter", _help);
        PrometheusText.Sample(output, Name, null, _read());
    }
}
