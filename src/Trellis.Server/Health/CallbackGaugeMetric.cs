using System.Text;

namespace Trellis.Server.Health;

/// <summary>A value kept elsewhere that can go down as well as up (e.g. the engine's backlog), read when /metrics is scraped.</summary>
public sealed class CallbackGaugeMetric : IExposedMetric
{
    private readonly string _help;
    private readonly Func<long> _read;

    public CallbackGaugeMetric(string name, string help, Func<long> read)
    {
        Name = name;
        _help = help;
        _read = read;
    }

    public string Name { get; }

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, "gauge", _help);
        PrometheusText.Sample(output, Name, null, _read());
    }
}
