using System.Globalization;
using System.Text;

namespace Trellis.Server.Health;

/// <summary>Pieces of the Prometheus text format: HELP/TYPE headers, escaped label values, numbers.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Header(StringBuilder output, string name, string type, string help)
    {
        output.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\n", "\\n")).Append('\n');
        output.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>One label pair, e.g. <c>route="/v1/batch"</c>, with the value escaped as the format requires.</summary>
    public static string Label(string name, string value) =>
        name + "=\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    public static void Sample(StringBuilder output, string name, string? labels, double value)
    {
        output.Append(name);
        if (!string.IsNullOrEmpty(labels))
        {
            output.Append('{').Append(labels).Append('}');
        }

        output.Append(' ').Append(Number(value)).Append('\n');
    }
}
