using System.Collections.Concurrent;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// Records the dispatcher's outcomes in batches (<see cref="IOutbox.MarkManyAsync"/>): marks that arrive while a
/// batch is being written go together in the next one, so with many sends in flight the store sees one write and
/// one commit per batch instead of per message (on PostgreSQL each mark was its own transaction and WAL flush).
/// Nothing waits to fill a batch: an idle dispatcher's mark is written at once. A caller learns its outcome only
/// after the batch is durable, and a failed write fails every mark of it (the entries stay leased and are
/// claimed again when the lease ends, as when a single mark failed).
/// </summary>
public sealed class OutboxMarkBatcher(ITrellisStore store)
{
    // Bounds one statement's arrays (PostgreSQL) and one grouped write (SQLite); more simply waits one turn.
    private const int MaxBatch = 512;

    private readonly ConcurrentQueue<(OutboxMark Mark, TaskCompletionSource<bool> Outcome)> _queue = new();
    private int _writing;

    /// <summary>Queues a mark; true once recorded, false when the lease had passed to another dispatcher.</summary>
    public Task<bool> MarkAsync(OutboxMark mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        // Continuations run on the thread pool, never inline on the writer while it still has marks to hand out.
        var outcome = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Enqueue((mark, outcome));
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = WriteAsync();
        }

        return outcome.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(OutboxMark Mark, TaskCompletionSource<bool> Outcome)>(16);
        var marks = new List<OutboxMark>(16);
        var entries = new HashSet<(string, long)>();
        // A second mark of one entry (its lease ran out and this process claimed it again) waits for the next batch.
        var later = new List<(OutboxMark Mark, TaskCompletionSource<bool> Outcome)>();
        while (true)
        {
            var deferred = later.ToArray();
            later.Clear();
            foreach (var next in deferred)
            {
                Add(next);
            }

            while (batch.Count < MaxBatch && _queue.TryDequeue(out var next))
            {
                Add(next);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch, marks).ConfigureAwait(false);
                batch.Clear();
                marks.Clear();
                entries.Clear();
                continue;
            }

            // A mark queued after the last dequeue but before this reset saw a writer and did not start one,
            // so look again before leaving.
            Volatile.Write(ref _writing, 0);
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
            {
                return;
            }
        }

        void Add((OutboxMark Mark, TaskCompletionSource<bool> Outcome) next)
        {
            if (entries.Add((next.Mark.Workspace.Value, next.Mark.Id)))
            {
                batch.Add(next);
                marks.Add(next.Mark);
            }
            else
            {
                later.Add(next);
            }
        }
    }

    private async Task WriteBatchAsync(List<(OutboxMark Mark, TaskCompletionSource<bool> Outcome)> batch, List<OutboxMark> marks)
    {
        IReadOnlyList<bool> applied;
        try
        {
            // Not cancellable: a mark is written after the provider accepted, and stopping must not drop it.
            applied = await store.Outbox.MarkManyAsync(marks, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            foreach (var (_, outcome) in batch)
            {
                outcome.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(applied[i]);
        }
    }
}
