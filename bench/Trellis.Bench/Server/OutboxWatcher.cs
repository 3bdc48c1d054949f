using System.Diagnostics;

namespace Trellis.Bench.Server;

/// <summary>
/// Polls the outbox every few milliseconds for new rows and notes when each was first seen. The outbox's own
/// CreatedAt is the engine's claim time, taken before the batch is processed and committed; "first seen" is
/// after the commit, when a dispatcher could really pick the row up. Reporting both brackets the truth
/// (poll interval and watcher scheduling add to "seen", so it errs on the slow side).
/// </summary>
internal sealed class OutboxWatcher(IOutboxReader reader, EventTimes times)
{
    private long _cursor;
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var found = await PollAsync();
            if (found < 1000)
            {
                try
                {
                    await Task.Delay(5, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    public async Task<int> PollAsync()
    {
        var rows = await reader.ReadAfterAsync(_cursor, 20_000);
        var now = WallClock.NowMicros();
        foreach (var row in rows)
        {
            _cursor = row.Id;
            if (EventTimes.TryParseUser(row.PersonId, out var n) && n < times.Capacity)
            {
                times.Seen[n] = now;
                times.Created[n] = row.CreatedAtMicros;
            }
        }

        Interlocked.Add(ref _rows, rows.Count);
        return rows.Count;
    }

    /// <summary>Polls until the outbox has <paramref name="expected"/> rows or nothing new came for <paramref name="idle"/>.</summary>
    public async Task<TimeSpan> DrainAsync(long expected, TimeSpan idle)
    {
        var clock = Stopwatch.StartNew();
        var lastProgress = clock.Elapsed;
        while (Rows < expected && clock.Elapsed - lastProgress < idle)
        {
            if (await PollAsync() > 0)
            {
                lastProgress = clock.Elapsed;
            }
            else
            {
                await Task.Delay(20);
            }
        }

        return clock.Elapsed;
    }
}
