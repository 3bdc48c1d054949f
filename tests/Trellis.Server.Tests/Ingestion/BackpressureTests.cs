using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Server.Ingestion;
using Trellis.Server.Processing;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>
/// Backpressure (<c>Trellis:Ingestion:MaxBacklog</c>): past the bound a request is held, then refused with 429 +
/// Retry-After and nothing of it stored; while the engine catches up, held requests are admitted instead.
/// </summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task Over_the_bound_a_request_is_refused_whole_with_429_and_retry_after()
    {
        // No engine: nothing accepted is ever decided, so the backlog is exactly what was accepted.
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?>
        {
            ["Trellis:Ingestion:MaxBacklog"] = "10",
            ["Trellis:Ingestion:MaxWait"] = "00:00:00.2",
            ["Trellis:Ingestion:RetryAfter"] = "00:00:03",
        });

        await ApiAssert.SuccessAsync(await server.IngestAsync("/v1/batch", Batch("a", 6)));

        var refused = await server.IngestAsync("/v1/batch", Batch("b", 6));
        await ApiAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "retry shortly");
        Assert.Equal("3", refused.Headers.RetryAfter?.ToString());

        // What still fits under the bound is accepted: the bound refuses, not the load as such.
        await ApiAssert.SuccessAsync(await server.IngestAsync("/v1/batch", Batch("d", 4)));

        // Now full: even one event waits, then is refused; the single-call endpoints are bounded too.
        var single = await server.IngestAsync("/v1/track", """{"userId":"c-1","event":"A","messageId":"c-1"}""");
        await ApiAssert.ErrorAsync(single, HttpStatusCode.TooManyRequests, "retry shortly");
        Assert.Equal("3", single.Headers.RetryAfter?.ToString());

        // Refused means nothing stored: no event and no person of either refused request.
        Assert.Equal(10, server.Metrics.EventsIngested.Value);
        Assert.Equal(2, server.Metrics.RequestsRejected.Value("backlog"));
        Assert.Equal(2, server.Metrics.RequestsHeld.Value);
        foreach (var person in new[] { "b-1", "b-6", "c-1" })
        {
            await ApiAssert.ErrorAsync(await server.AdminAsync(HttpMethod.Get, "/api/profiles/" + person), HttpStatusCode.NotFound, "");
        }

        Assert.Single(await server.EventsOfAsync("d-4"));
        var metrics = await (await server.Http.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Contains("\ntrellis_engine_backlog_events 10\n", metrics, StringComparison.Ordinal);
        Assert.Contains("trellis_ingest_requests_rejected_total{reason=\"backlog\"} 2", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_turns_backpressure_off()
    {
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?>
        {
            ["Trellis:Ingestion:MaxBacklog"] = "0",
        });

        for (var i = 0; i < 3; i++)
        {
            await ApiAssert.SuccessAsync(await server.IngestAsync("/v1/batch", Batch("off" + i, 10)));
        }

        Assert.Equal(30, server.Metrics.EventsIngested.Value);
        Assert.Equal(0, server.Metrics.RequestsHeld.Value);
    }

    [Fact]
    public async Task Held_requests_are_admitted_as_the_engine_catches_up_and_all_reach_the_engine()
    {
        // The engine starts only once requests are seen waiting: with it running from the start, a fast engine
        // could commit every request before the next arrived, and the bound would never be tested.
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?>
        {
            ["Trellis:Ingestion:MaxBacklog"] = "50",
            ["Trellis:Ingestion:MaxWait"] = "00:00:30",
        });
        var admission = server.App.Services.GetRequiredService<IngestionAdmission>();

        // 20 requests of 25 events at once against room for two: the rest must wait for engine commits.
        var sending = Task.WhenAll(Enumerable.Range(0, 20).Select(i => server.IngestAsync("/v1/batch", Batch("h" + i, 25))));
        var watch = Stopwatch.StartNew();
        while (admission.Waiting == 0 && !sending.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        Assert.True(admission.Waiting > 0, "no request was held, so the bound was never applied");
        var engine = ActivatorUtilities.CreateInstance<EngineWorker>(server.App.Services);
        await engine.StartAsync(CancellationToken.None);
        try
        {
            foreach (var response in await sending)
            {
                await ApiAssert.SuccessAsync(response);
            }

            Assert.Equal(500, server.Metrics.EventsIngested.Value);
            Assert.True(server.Metrics.RequestsHeld.Value > 0, "the held requests were not counted as held");
            Assert.Equal(0, server.Metrics.RequestsRejected.Value("backlog"));

            var stats = server.App.Services.GetRequiredService<EngineWorkerStats>();
            var backlog = server.App.Services.GetRequiredService<EngineBacklog>();
            watch.Restart();
            while ((stats.Events < 500 || backlog.Events > 0) && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(20);
            }

            Assert.Equal(500, stats.Events);
            Assert.Equal(0, backlog.Events);
            Assert.Equal(0, admission.Waiting);
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
            engine.Dispose();
        }
    }

    private static string Batch(string prefix, int count)
    {
        var body = new StringBuilder("{\"batch\":[");
        for (var i = 1; i <= count; i++)
        {
            body.Append(i > 1 ? "," : "")
                .Append("{\"type\":\"track\",\"userId\":\"").Append(prefix).Append('-').Append(i)
                .Append("\",\"event\":\"A\",\"messageId\":\"").Append(prefix).Append('-').Append(i).Append("\"}");
        }

        return body.Append("]}").ToString();
    }
}
