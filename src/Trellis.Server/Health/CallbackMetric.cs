using System.Text;

namespace Trellis.Server.Health;

/// <summary>
/// A value kept elsewhere (e.g. by the engine worker) and read when /metrics is scraped: a counter, which only
/// goes up, or a gauge, which can go down too (e.g. the engine's backlog).
/// </summary>
public sealed class CallbackMetric : IExposedMetric
{
    private readonly string _type;
    private readonly string _help;
    private readonly Func<long> _read;

    private CallbackMetric(string name, string type, string help, Func<long> read)
    {
        Name = name;
        _type = type;
        _help = help;
        _read = read;
    }

    public string Name { get; }

    public static CallbackMetric Counter(string name, string help, Func<long> read) => new(name, "counter", help, read);

    public static CallbackMetric Gauge(string name, string help, Func<long> read) => new(name, "gauge", help, read);

    public void WriteTo(StringBuilder output)
    {
        PrometheusText.Header(output, Name, _type, _help);
        PrometheusText.Sample(output, Name, null, _read());
    }
}
