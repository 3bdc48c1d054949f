using System.Text;

namespace Trellis.Server.Health;

/// <summary>A metric that can write itself in the Prometheus text exposition format (version 0.0.4).</summary>
public interface IExposedMetric
{
    string Name { get; }

    void WriteTo(StringBuilder output);
}
