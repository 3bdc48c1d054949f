namespace Trellis.Bench;

/// <summary>Command-line options of the harnesses (<c>--people</c>, <c>--days</c>, <c>--runs</c>).</summary>
public sealed record BenchOptions(int People, int Days, int Runs)
{
    public static BenchOptions Parse(string[] args)
    {
        int people = 1_000_000, days = 21, runs = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--people": people = v; break;
                case "--days": days = v; break;
                case "--runs": runs = v; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return new BenchOptions(people, days, runs);
    }
}
