using System.Diagnostics;

namespace Trellis.Bench.Server;

/// <summary>
/// CPU seconds used by this process and by every local <c>postgres</c> process. On a shared, overloaded machine
/// wall-clock rates say more about the neighbours than about Trellis; events per CPU-second do not.
/// </summary>
internal static class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on.

    public static double ProcessSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    public static double PostgresSeconds()
    {
        double total = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (close < 0 || !stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after ")": state is field 3; utime and stime are fields 14 and 15.
                var fields = stat[(close + 2)..].Split(' ');
                total += (double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                          double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / TicksPerSecond;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while being read, or is not ours to read.
            }
        }

        return total;
    }
}
