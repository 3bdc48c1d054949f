using System.Collections.Concurrent;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// The dashboard's counters for every workspace: recounted from the store once at start
/// (<see cref="ActivityRebuilder"/>), then kept current from each committed work unit. Pages read these
/// instead of the trace, so their cost does not grow with the number of people.
/// </summary>
/// <remarks>
/// While the recount runs, commits and recount batches take turns through one semaphore: a person's lines are
/// either read by the recount (they were committed before it reached them) or counted live (after), never
/// both. Once every workspace is recounted the semaphore is no longer taken.
/// </remarks>
public sealed class JourneyActivity : ITraceCommitObserver
{
    private readonly ConcurrentDictionary<WorkspaceId, WorkspaceActivity> _workspaces = new();
    private readonly ConcurrentDictionary<WorkspaceId, RebuildProgress> _rebuilds = new();
    private readonly SemaphoreSlim _section = new(1, 1);
    private volatile bool _started;
    private volatile bool _finished;

    /// <summary>True once the start-up recount has covered every workspace.</summary>
    public bool IsComplete => _finished;

    /// <summary>Why the counts may be incomplete, or null.</summary>
    public string? Problem { get; private set; }

    public WorkspaceActivity For(WorkspaceId workspace) => _workspaces.GetOrAdd(workspace, _ => new WorkspaceActivity());

    public RebuildProgress? Progress(WorkspaceId workspace) => _rebuilds.GetValueOrDefault(workspace);

    /// <summary>Commits a work unit and counts what it recorded, in one section with respect to the recount.</summary>
    public async Task CommitAsync(Func<Task> commit, Func<IReadOnlyList<PersonChanges>> written, CancellationToken cancellationToken)
    {
        if (_finished)
        {
            await commit();
            Committed(written());
            return;
        }

        await _section.WaitAsync(cancellationToken);
        try
        {
            await commit();
            Committed(written());
        }
        finally
        {
            _section.Release();
        }
    }

    public void Committed(IReadOnlyList<PersonChanges> changes)
    {
        foreach (var change in changes)
        {
            if (ShouldCountLive(change.Workspace, change.PersonId))
            {
                For(change.Workspace).Apply(change.PersonId, change.Trace);
            }
        }
    }

    /// <summary>Registers the workspaces to recount; until this ran, every commit is left to the recount.</summary>
    internal async Task BeginRebuildAsync(Func<Task<IReadOnlyList<WorkspaceId>>> listWorkspaces, CancellationToken cancellationToken)
    {
        await _section.WaitAsync(cancellationToken);
        try
        {
            foreach (var workspace in await listWorkspaces())
            {
                _rebuilds.TryAdd(workspace, new RebuildProgress());
            }

            _started = true;
        }
        finally
        {
            _section.Release();
        }
    }

    /// <summary>Runs one recount batch inside the section, so no commit lands half-way through it.</summary>
    internal async Task RebuildBatchAsync(Func<Task> batch, CancellationToken cancellationToken)
    {
        await _section.WaitAsync(cancellationToken);
        try
        {
            await batch();
        }
        finally
        {
            _section.Release();
        }
    }

    /// <summary>Stops using the section once every workspace's recount is done (each marked inside the section).</summary>
    internal void FinishRebuild()
    {
        if (_rebuilds.Values.All(p => p.Done))
        {
            _finished = true;
        }
    }

    /// <summary>After a failed recount: everything is counted live from now on, and the counts say they are partial.</summary>
    internal void AbandonRebuild(string reason)
    {
        Problem = "the start-up recount failed (" + reason + "): counts are partial";
        foreach (var progress in _rebuilds.Values)
        {
            progress.Done = true;
        }

        _started = true;
        _finished = true;
    }

    private bool ShouldCountLive(WorkspaceId workspace, string personId)
    {
        if (!_started)
        {
            return false; // the recount has not listed the workspaces yet: it will read this commit
        }

        // A workspace created after the recount started has nothing to recount.
        return !_rebuilds.TryGetValue(workspace, out var progress) || progress.Covers(personId);
    }
}
