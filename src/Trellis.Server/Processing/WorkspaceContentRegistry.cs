using System.Collections.Concurrent;
using Trellis.Content;
using Trellis.Core.Engine;
using Trellis.Storage;

namespace Trellis.Server.Processing;

/// <summary>
/// The compiled content of each workspace: the live journeys stored through the admin API, with the templates
/// and policies of the content folder. Rebuilt whenever a journey is uploaded, published or paused; readers
/// always see a complete, validated runtime (the swap is atomic).
/// </summary>
public sealed class WorkspaceContentRegistry(ITrellisStore store, string? contentFolder)
{
    private readonly ConcurrentDictionary<WorkspaceId, WorkspaceRuntime> _runtimes = new();
    private readonly SemaphoreSlim _reloading = new(1, 1);

    /// <summary>The folder with templates/ and policies.yaml (and the journeys seeded at first start), or null.</summary>
    public string? ContentFolder { get; } = contentFolder;

    public async Task<WorkspaceRuntime> GetAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        if (_runtimes.TryGetValue(workspace, out var runtime))
        {
            return runtime;
        }

        // Many callers ask at once when a server starts (every dispatcher slot, the engine): the first loads, the
        // others take its result instead of each compiling every template again behind the same lock.
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            if (_runtimes.TryGetValue(workspace, out runtime))
            {
                return runtime;
            }
        }
        finally
        {
            _reloading.Release();
        }

        return await ReloadAsync(workspace, cancellationToken);
    }

    public async Task<WorkspaceRuntime> ReloadAsync(WorkspaceId workspace, CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var records = await store.Journeys.ListAsync(workspace, cancellationToken);
            var live = records.Where(r => r.Status == JourneyStatus.Live).ToList();
            var sources = live.Select(r => new ContentSource($"journeys/{r.JourneyId}.journey.yaml", r.SourceYaml)).ToList();
            sources.AddRange(FolderSources());
            var content = ContentLoader.LoadSources(sources);
            var runtime = new WorkspaceRuntime(
                workspace,
                new CompiledWorkspace(content.ToWorkspace()),
                content.Diagnostics.Select(d => d.ToString()).ToArray());
            _runtimes[workspace] = runtime;
            return runtime;
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// Templates, policies and models of the content folder (journeys come from the store): <c>templates/</c>,
    /// <c>models/</c> and the top-level <c>policies.yaml</c> and templates. Scenario folders and their test content are never loaded.
    /// </summary>
    private IEnumerable<ContentSource> FolderSources()
    {
        if (ContentFolder is null || !Directory.Exists(ContentFolder))
        {
            yield break;
        }

        var templates = Path.Combine(ContentFolder, "templates");
        var models = Path.Combine(ContentFolder, "models");
        var files = Directory.EnumerateFiles(ContentFolder, "*.yaml", SearchOption.TopDirectoryOnly)
            .Where(f => Path.GetFileName(f) == "policies.yaml" || f.EndsWith(".template.yaml", StringComparison.Ordinal));
        if (Directory.Exists(templates))
        {
            files = files.Concat(Directory.EnumerateFiles(templates, "*.template.yaml", SearchOption.AllDirectories));
        }

        if (Directory.Exists(models))
        {
            // Propensity models for score() (trellis train writes them here); picked up on every reload.
            files = files.Concat(Directory.EnumerateFiles(models, "*.model.json", SearchOption.TopDirectoryOnly));
        }

        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(ContentFolder, file).Replace('\\', '/');
            yield return new ContentSource(relative, File.ReadAllText(file));
        }
    }
}
