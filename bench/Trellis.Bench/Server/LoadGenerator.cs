using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Trellis.Bench.Server;

/// <summary>
/// Segment clients posting <c>/v1/batch</c> requests of <see cref="ServerBenchOptions.Batch"/> track calls, each for a
/// new user "u{n}" with its own messageId. <paramref name="rate"/> 0: closed loop, every client posts as fast as
/// it gets answers (saturation). Otherwise open loop: batch k is due at start + k·batch/rate and is posted by the
/// next free client; when all clients are busy the schedule slips and the achieved rate shows it.
/// </summary>
internal sealed class LoadGenerator(Uri url, EventTimes times, int clients, int batch, int rate)
{
    private long _nextUser = -1;
    private long _nextBatch = -1;
    private long _accepted;
    private long _rejected;
    private long _backedOff;
    private readonly List<double> _requestMillis = [];

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Requests answered 429 (engine backlog over the server's bound) and sent again after Retry-After.</summary>
    public long BackedOff => Interlocked.Read(ref _backedOff);

    /// <summary>Request round trips (ms) of accepted batches, for the HTTP side's own latency.</summary>
    public IReadOnlyList<double> RequestMillis => _requestMillis;

    public async Task RunAsync(TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchServer.WriteKey + ":")));
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(http, start, end))));
    }

    private async Task ClientAsync(HttpClient http, long start, long end)
    {
        var body = new StringBuilder(batch * 128);
        while (true)
        {
            if (rate > 0)
            {
                var k = Interlocked.Increment(ref _nextBatch);
                var due = start + (long)((double)k * batch / rate * Stopwatch.Frequency);
                if (due >= end)
                {
                    return;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            else if (Stopwatch.GetTimestamp() >= end)
            {
                return;
            }

            var first = Interlocked.Add(ref _nextUser, batch) - batch + 1;
            if (first + batch > times.Capacity)
            {
                return;
            }

            Build(body, first);
            var json = body.ToString();
            HttpResponseMessage response;
            long sent;
            while (true)
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                sent = Stopwatch.GetTimestamp();
                response = await http.PostAsync("/v1/batch", content);
                if (response.StatusCode != HttpStatusCode.TooManyRequests || Stopwatch.GetTimestamp() >= end)
                {
                    break;
                }

                // Backpressure: as a Segment client does, wait for Retry-After and send the same batch again.
                Interlocked.Increment(ref _backedOff);
                var delay = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(delay);
            }

            using var answered = response;
            var acceptedAt = WallClock.NowMicros();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Add(ref _rejected, batch);
                continue;
            }

            for (var n = first; n < first + batch; n++)
            {
                times.Accepted[n] = acceptedAt;
            }

            Interlocked.Add(ref _accepted, batch);
            lock (_requestMillis)
            {
                _requestMillis.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }
    }

    private void Build(StringBuilder body, long first)
    {
        body.Clear();
        body.Append("{\"batch\":[");
        for (var n = first; n < first + batch; n++)
        {
            if (n > first)
            {
                body.Append(',');
            }

            var id = n.ToString(CultureInfo.InvariantCulture);
            body.Append("{\"type\":\"track\",\"userId\":\"u").Append(id)
                .Append("\",\"event\":\"signup\",\"messageId\":\"m-").Append(id)
                .Append("\",\"properties\":{\"plan\":\"pro\"}}");
        }

        body.Append("]}");
    }
}
