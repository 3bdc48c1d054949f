namespace Trellis.Bench.Server;

/// <summary>The 1-minute load average, printed with every run: on a shared machine it says how much the figures can be trusted.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
