using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// Hands persons to engine workers. Unlike the per-workspace methods, it spans all workspaces: there is one
/// engine loop per process, and each claimed person says which workspace it belongs to.
/// </summary>
public interface IWorkQueue
{
    /// <summary>
    /// Claims up to <paramref name="max"/> persons that have unprocessed events or a wake time at or before
    /// <paramref name="now"/>, in one open transaction. A claimed person is held by one unit at a time,
    /// across processes; a process that dies loses its transaction and its claims with it.
    /// </summary>
    Task<IWorkUnit> ClaimAsync(Instant now, int max, CancellationToken cancellationToken = default);

    /// <summary>The earliest wake time of any person, so the server can sleep exactly until then.</summary>
    Task<Instant?> EarliestWakeAsync(CancellationToken cancellationToken = default);
}
