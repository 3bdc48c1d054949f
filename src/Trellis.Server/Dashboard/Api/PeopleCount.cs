using System.Collections.Concurrent;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// How many people a workspace has, refreshed in the background at most every <see cref="MaxAge"/>: counting
/// a million rows takes longer than a page may, so pages show the last count.
/// </summary>
public sealed class PeopleCount(ITrellisStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<WorkspaceId, (long Count, DateTimeOffset At)> _counts = new();
    private readonly ConcurrentDictionary<WorkspaceId, Task> _refreshing = new();

    /// <summary>The last count; the first call for a workspace waits for it.</summary>
    public async Task<long> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        if (!_counts.TryGetValue(workspace, out var known))
        {
            return await RefreshAsync(workspace, cancellationToken);
        }

        if (time.GetUtcNow() - known.At >= MaxAge)
        {
            _ = _refreshing.GetOrAdd(workspace, w => Task.Run(async () =>
            {
                try
                {
                    await RefreshAsync(w, CancellationToken.None);
                }
                catch (StorageException)
                {
                    // Keep showing the last count; the next page view tries again.
                }
                finally
                {
                    _refreshing.TryRemove(w, out _);
                }
            }, CancellationToken.None));
        }

        return known.Count;
    }

    private async Task<long> RefreshAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var count = await store.Persons.CountAsync(workspace, cancellationToken);
        _counts[workspace] = (count, time.GetUtcNow());
        return count;
    }
}
