namespace Trellis.Server.Hosting;

/// <summary>
/// Configuration section <c>Trellis:Ingestion</c>: backpressure (docs/server-api.md, "Backpressure"). A client
/// that posts faster than the engine decides would otherwise grow the engine's backlog, and with it the time
/// from an accepted event to its send, without bound.
/// </summary>
public sealed class IngestionSettings
{
    /// <summary>
    /// Events this process has accepted that its engine has not yet decided and committed, above which a request
    /// is held and then refused with 429. 0 turns backpressure off. The default holds about a second of a quiet
    /// 2-core SQLite server's engine throughput: several full engine batches (2048 persons each), so the engine
    /// never waits for work, and a bounded wait for the events behind them.
    /// </summary>
    public int MaxBacklog { get; set; } = 10_000;

    /// <summary>
    /// How long a request over the bound is held, waiting for the engine to catch up, before it is refused.
    /// Holding first slows a saturating client down to the engine's pace without a retry round trip.
    /// </summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> of a refused request (whole seconds, at least 1; Segment clients honour it).</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
