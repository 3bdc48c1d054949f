namespace Trellis.Bench;

/// <summary>Dispatches to the benchmark harnesses.</summary>
public static class BenchApp
{
    public static int Run(string[] args)
    {
        var name = args.Length > 0 ? args[0] : "";
        switch (name)
        {
            case "drip":
                return DripBenchmark.Run(BenchOptions.Parse(args.Skip(1).ToArray()));
            case "simulate":
                return SimulationBenchmark.Run(BenchOptions.Parse(args.Skip(1).ToArray()));
            case "ingest":
                return Server.IngestBenchmark.Run(Server.ServerBenchOptions.Parse(args.Skip(1).ToArray()));
            case "timers":
                return Server.TimerBenchmark.Run(Server.ServerBenchOptions.Parse(args.Skip(1).ToArray()));
            case "train":
                return Prediction.TrainBenchmark.Run(BenchOptions.Parse(args.Skip(1).ToArray()));
            case "delivery":
                return Delivery.DeliveryBenchmark.Run(args.Skip(1).ToArray());
            default:
                Console.Error.WriteLine("usage: Trellis.Bench drip|simulate|train [--people N] [--days D] [--runs R]\n" +
                                        "       Trellis.Bench ingest|timers [--backend sqlite|postgres|both] [--pg CONN] [--runs R] [--seconds S] [--clients C] [--batch B] [--rate R] [--phase saturate|rate|both] [--max-backlog N] [--people N] [--warmup S] [--known N] [--entries P]\n" +
                                        "       Trellis.Bench delivery [--part render|smtp|dispatch|all] [--backend sqlite|postgres] [--people N] [--runs R] [--messages N]");
                return 2;
        }
    }
}
