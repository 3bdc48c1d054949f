using System.Globalization;

namespace Trellis.Bench.Server;

/// <summary>
/// Options of the <c>ingest</c> and <c>timers</c> harnesses. Kept apart from <see cref="BenchOptions"/>, whose
/// parser refuses unknown options on purpose (the in-memory harnesses take only three).
/// </summary>
public sealed record ServerBenchOptions
{
    /// <summary><c>sqlite</c>, <c>postgres</c> or <c>both</c>.</summary>
    public string Backend { get; init; } = "both";

    /// <summary>Npgsql connection string (else the <c>TRELLIS_BENCH_PG</c> environment variable).</summary>
    public string? Postgres { get; init; }

    public int Runs { get; init; } = 3;

    /// <summary>Length of one measured window.</summary>
    public int Seconds { get; init; } = 20;

    /// <summary>
    /// Ingest: seconds of load before each measured window, left out of it. The default 3 s leaves the JIT's tiering
    /// (tier-0 → instrumented → tier-1, ~20 % of the CPU in the first 15 s of a run) inside the window; a server runs
    /// for months, so its steady state wants 20–30 s.
    /// </summary>
    public int WarmupSeconds { get; init; } = 3;

    /// <summary>Ingest: a pool of known persons for page views (0: every event is a journey entry for a new person).</summary>
    public int KnownPersons { get; init; }

    /// <summary>Ingest with <see cref="KnownPersons"/>: the share of events that are journey entries, in percent.</summary>
    public double EntryPercent { get; init; } = 5;

    public EventMix Mix => KnownPersons == 0 ? EventMix.AllEntries : new EventMix(KnownPersons, EntryPercent);

    /// <summary>Concurrent HTTP clients (each with one request in flight).</summary>
    public int Clients { get; init; } = 16;

    /// <summary>Events per /v1/batch request.</summary>
    public int Batch { get; init; } = 100;

    /// <summary>Offered rate of the constant-rate phase (events/s); 0 skips the phase.</summary>
    public int Rate { get; init; } = 20_000;

    /// <summary>People with a wait due in the same minute (timers).</summary>
    public int People { get; init; } = 1_000_000;

    /// <summary>Timers: how long after the minute to keep watching before reporting what fired (and projecting the rest).</summary>
    public int DrainSeconds { get; init; } = 600;

    /// <summary>The server's <c>Trellis:Ingestion:MaxBacklog</c> (backpressure bound; 0 turns it off); null: its default.</summary>
    public int? MaxBacklog { get; init; }

    /// <summary><c>saturate</c>, <c>rate</c> or <c>both</c> (ingest).</summary>
    public string Phase { get; init; } = "both";

    public string? PostgresConnectionString => Postgres ?? Environment.GetEnvironmentVariable("TRELLIS_BENCH_PG");

    public IEnumerable<string> Backends => Backend == "both" ? ["sqlite", "postgres"] : [Backend];

    public static ServerBenchOptions Parse(string[] args)
    {
        var o = new ServerBenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            o = args[i] switch
            {
                "--backend" => o with { Backend = v },
                "--pg" => o with { Postgres = v },
                "--runs" => o with { Runs = Int(v) },
                "--seconds" => o with { Seconds = Int(v) },
                "--clients" => o with { Clients = Int(v) },
                "--batch" => o with { Batch = Int(v) },
                "--rate" => o with { Rate = Int(v) },
                "--people" => o with { People = Int(v) },
                "--phase" => o with { Phase = v },
                "--max-backlog" => o with { MaxBacklog = Int(v) },
                "--warmup" => o with { WarmupSeconds = Int(v) },
                "--known" => o with { KnownPersons = Int(v) },
                "--entries" => o with { EntryPercent = double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--drain" => o with { DrainSeconds = Int(v) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return o;
    }

    private static int Int(string v) => int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
