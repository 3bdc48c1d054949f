namespace Trellis.Bench;

/// <summary>Dispatches to the benchmark harnesses.</summary>
public static class BenchApp
{
    public static int Run(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "";
        var options = BenchOptions.Parse(args.Skip(1).ToArray());
        switch (name)
        {
            case "drip":
                return DripBenchmark.Run(options);
            default:
                Console.Error.WriteLine("usage: Trellis.Bench drip [--people N] [--days D] [--runs R]");
                return 2;
        }
    }
}
