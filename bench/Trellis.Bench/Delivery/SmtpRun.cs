using System.Diagnostics;

namespace Trellis.Bench.Delivery;

/// <summary>One SMTP measurement: messages per second, and CPU microseconds per message on the client's and the server's side.</summary>
internal sealed record SmtpRun(double PerSecond, double ClientCpuMicros, double ServerCpuMicros)
{
    public static async Task<SmtpRun> MeasureAsync(SmtpSinkProcess sink, int messages, Func<Task<TimeSpan>> send)
    {
        var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverBefore = sink.Cpu;
        var elapsed = await send();
        var client = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
        var server = sink.Cpu - serverBefore;
        return new SmtpRun(messages / elapsed.TotalSeconds, client.TotalMicroseconds / messages, server.TotalMicroseconds / messages);
    }

    public static SmtpRun Median(IReadOnlyList<SmtpRun> runs) => new(
        Trellis.Bench.Median.Of(runs.Select(r => r.PerSecond).ToList()),
        Trellis.Bench.Median.Of(runs.Select(r => r.ClientCpuMicros).ToList()),
        Trellis.Bench.Median.Of(runs.Select(r => r.ServerCpuMicros).ToList()));

    public override string ToString() =>
        $"{PerSecond:N0}/s (client {ClientCpuMicros:N0} µs CPU/msg, server {ServerCpuMicros:N0} µs CPU/msg)";
}
