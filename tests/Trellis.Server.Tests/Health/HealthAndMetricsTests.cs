using System.Net;
using System.Text.RegularExpressions;

namespace Trellis.Server.Tests.Health;

/// <summary><c>GET /healthz</c> and <c>GET /metrics</c> (Prometheus text exposition format).</summary>
public sealed partial class HealthAndMetricsTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Healthz_is_ok_while_storage_answers()
    {
        var response = await _server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await RunningServer.JsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_when_storage_is_gone()
    {
        await _server.Store.DisposeAsync();
        var response = await _server.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", (await RunningServer.JsonAsync(response)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_count_ingestion_and_time_requests_in_prometheus_text()
    {
        await _server.IngestAsync("/v1/track", """{"userId":"m1","event":"A","messageId":"once"}""");
        await _server.IngestAsync("/v1/track", """{"userId":"m1","event":"A","messageId":"once"}""");
        await _server.IngestAsync("/v1/track", """{"userId":"m1"}""");
        await _server.IngestAsync("/v1/track", "{}", writeKey: "wrong");

        var response = await _server.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Contains("# TYPE trellis_events_ingested_total counter\ntrellis_events_ingested_total 1\n", text);
        Assert.Contains("trellis_events_duplicate_total 1\n", text);
        Assert.Contains("trellis_events_refused_total 0\n", text);
        Assert.Contains("trellis_ingest_requests_rejected_total{reason=\"invalid\"} 1\n", text);
        Assert.Contains("trellis_ingest_requests_rejected_total{reason=\"unauthorized\"} 1\n", text);
        Assert.Contains("# TYPE trellis_http_request_duration_seconds histogram\n", text);
        Assert.Contains("trellis_http_request_duration_seconds_count{method=\"POST\",route=\"/v1/track\",status=\"200\"} 2\n", text);
        Assert.Contains("trellis_http_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/track\",status=\"400\",le=\"+Inf\"} 1\n", text);
        Assert.Contains("# TYPE trellis_engine_persons_processed_total counter", text);

        // Every line is a comment or "name{labels} value" (the exposition format's grammar, simplified).
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.Matches(SampleLine(), line));
    }

    [Fact]
    public async Task Health_and_metrics_need_no_key()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.SendAsync(request)).StatusCode);
    }

    [GeneratedRegex("""^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.eE+-]+)$""")]
    private static partial Regex SampleLine();
}
