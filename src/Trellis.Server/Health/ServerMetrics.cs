using System.Text;
using Trellis.Server.Processing;

namespace Trellis.Server.Health;

/// <summary>
/// The server's counters, exposed at <c>GET /metrics</c>. One instance per server (a DI singleton): ingestion and
/// HTTP timing are counted here, the engine worker's <see cref="EngineWorkerStats"/> are read at scrape time, and
/// the outbox dispatcher increments <see cref="OutboxMessages"/>.
/// </summary>
public sealed class ServerMetrics
{
    private static readonly double[] DurationBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly IReadOnlyList<IExposedMetric> _engine;
    private readonly IReadOnlyList<IExposedMetric> _registered;

    public CounterMetric EventsIngested { get; } = new("trellis_events_ingested_total", "Events stored by ingestion (committed).");

    public CounterMetric EventsDuplicate { get; } = new("trellis_events_duplicate_total", "Events ignored because their messageId was already stored.");

    public CounterMetric EventsRefused { get; } = new("trellis_events_refused_total", "Events refused because they belong to an erased person (the request still got 200).");

    public LabeledCounterMetric RequestsRejected { get; } = new("trellis_ingest_requests_rejected_total", "reason",
        "Ingestion requests refused as a whole, by reason (too_large, malformed, invalid, unauthorized, unavailable, backlog).");

    public CounterMetric RequestsHeld { get; } = new("trellis_ingest_requests_held_total",
        "Ingestion requests held because the engine's backlog was over Trellis:Ingestion:MaxBacklog (then admitted, or refused with 429).");

    public HistogramMetric RequestDuration { get; } = new("trellis_http_request_duration_seconds",
        "HTTP request durations by method, route and status code.", DurationBounds);

    public LabeledCounterMetric OutboxMessages { get; } = new("trellis_outbox_messages_total", "outcome",
        "Outbox deliveries by outcome (sent, retry, failed).");

    /// <param name="registered">Metrics other parts register as <see cref="IExposedMetric"/> (e.g. delivery's).</param>
    /// <param name="backlog">The engine's backlog estimate, exposed as a gauge; null in tests of the counters alone.</param>
    public ServerMetrics(EngineWorkerStats engine, IEnumerable<IExposedMetric>? registered = null, EngineBacklog? backlog = null)
    {
        _registered = registered?.ToList() ?? [];
        // The engine worker keeps its own counters; they are read at scrape time.
        _engine =
        [
            CallbackMetric.Counter("trellis_engine_batches_total", "Engine work units committed (one claim of persons each).", () => engine.Batches),
            CallbackMetric.Counter("trellis_engine_persons_processed_total", "Persons the engine decided for.", () => engine.Persons),
            CallbackMetric.Counter("trellis_engine_events_processed_total", "Events the engine processed.", () => engine.Events),
            CallbackMetric.Counter("trellis_engine_sends_total", "Sends the engine queued in the outbox.", () => engine.Sends),
            CallbackMetric.Counter("trellis_engine_failures_total", "Engine batches that failed and were rolled back (retried).", () => engine.Failures),
            CallbackMetric.Counter("trellis_engine_superseded_total", "Persons whose decision was not committed because their profile changed after the claim (redone).", () => engine.Superseded),
            new LatencyHistogramMetric("trellis_engine_event_delay_seconds",
                "From an event's arrival at ingestion to the commit of the engine's decision on it (its sends are in the outbox then).", engine.EventDelay),
            new LatencyHistogramMetric("trellis_engine_timer_lag_seconds",
                "From a due wait's time to the commit of the engine's decision that fired it.", engine.TimerLag),
        ];
        if (backlog is not null)
        {
            _engine = [.. _engine, CallbackMetric.Gauge("trellis_engine_backlog_events",
                "Events accepted by this process that its engine has not yet committed (an estimate; ingestion's backpressure bound applies to it).", () => backlog.Events)];
        }
    }

    private IEnumerable<IExposedMetric> All =>
        new IExposedMetric[] { EventsIngested, EventsDuplicate, EventsRefused, RequestsRejected, RequestsHeld, RequestDuration, OutboxMessages }.Concat(_engine).Concat(_registered);

    /// <summary>Every metric in the Prometheus text exposition format.</summary>
    public string ToPrometheusText()
    {
        var output = new StringBuilder();
        foreach (var metric in All)
        {
            metric.WriteTo(output);
        }

        return output.ToString();
    }
}
