using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Trellis.Bench.Server;

/// <summary>
/// Segment clients posting <c>/v1/batch</c> requests of <see cref="ServerBenchOptions.Batch"/> track calls, each with
/// its own messageId. By default every call is a journey entry (<c>signup</c>) for a new user "u{n}". With a
/// <see cref="EventMix"/> of known persons, only <see cref="EventMix.EntryPercent"/> of each batch are such entries;
/// the rest are <c>page_viewed</c> calls (no journey reacts) for persons "k{i}" drawn from a pool that the warm-up
/// has mostly created — what a live site sends. <paramref name="rate"/> 0: closed loop, every client posts as fast
/// as it gets answers (saturation). Otherwise open loop: batch k is due at start + k·batch/rate and is posted by
/// the next free client; when all clients are busy the schedule slips and the achieved rate shows it.
/// </summary>
internal sealed class LoadGenerator(Uri url, EventTimes times, int clients, int batch, int rate, EventMix mix)
{
    private long _nextUser = -1;
    private long _nextMessage = -1;
    private long _acceptedEntries;
    private long _nextBatch = -1;
    private long _accepted;
    private long _rejected;
    private long _backedOff;
    private readonly List<double> _requestMillis = [];

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Accepted journey entries: each becomes one outbox row.</summary>
    public long AcceptedEntries => Interlocked.Read(ref _acceptedEntries);

    /// <summary>Journey entries in every batch (the rest are page views of known persons).</summary>
    private int Entries => (int)Math.Round(batch * mix.EntryPercent / 100.0);

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
        var random = new Random(Environment.CurrentManagedThreadId * 7919 + clients);
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

            var entries = Entries;
            var first = Interlocked.Add(ref _nextUser, entries) - entries + 1;
            if (first + entries > times.Capacity)
            {
                return;
            }

            Build(body, first, entries, random);
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

            for (var n = first; n < first + entries; n++)
            {
                times.Accepted[n] = acceptedAt;
            }

            Interlocked.Add(ref _accepted, batch);
            Interlocked.Add(ref _acceptedEntries, entries);
            lock (_requestMillis)
            {
                _requestMillis.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }
    }

    private void Build(StringBuilder body, long first, int entries, Random random)
    {
        body.Clear();
        body.Append("{\"batch\":[");
        // Entries spread through the batch, page views between them: event i is an entry when it crosses a
        // multiple of batch/entries (all of them when entries == batch, none when 0).
        for (var i = 0; i < batch; i++)
        {
            if (i > 0)
            {
                body.Append(',');
            }

            var entry = i * entries / batch != (i + 1) * entries / batch;
            var message = Interlocked.Increment(ref _nextMessage).ToString(CultureInfo.InvariantCulture);
            if (entry)
            {
                var id = (first++).ToString(CultureInfo.InvariantCulture);
                body.Append("{\"type\":\"track\",\"userId\":\"u").Append(id)
                    .Append("\",\"event\":\"signup\",\"messageId\":\"m-").Append(message)
                    .Append("\",\"properties\":{\"plan\":\"pro\"}}");
            }
            else
            {
                var known = random.Next(mix.KnownPersons).ToString(CultureInfo.InvariantCulture);
                body.Append("{\"type\":\"track\",\"userId\":\"k").Append(known)
                    .Append("\",\"event\":\"page_viewed\",\"messageId\":\"m-").Append(message)
                    .Append("\",\"properties\":{\"path\":\"/pricing\"}}");
            }
        }

        body.Append("]}");
    }
}
