using Trellis.Core.Policies;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>The subscription topics of a workspace's live journeys, as the unsubscribe and preference pages offer them.</summary>
public sealed class JourneyTopics(WorkspaceContentRegistry registry)
{
    /// <summary>The topic of a journey, or null when it has none (or is no longer live).</summary>
    public async Task<string?> OfJourneyAsync(WorkspaceId workspace, string journey, CancellationToken cancellationToken)
    {
        var runtime = await registry.GetAsync(workspace, cancellationToken);
        return runtime.Compiled.Workspace.Journeys.FirstOrDefault(j => j.Id == journey)?.Topic;
    }

    public async Task<IReadOnlyList<string>> AllAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var runtime = await registry.GetAsync(workspace, cancellationToken);
        return runtime.Compiled.Workspace.Journeys
            .Where(j => !j.Transactional && j.Topic is not null)
            .Select(j => j.Topic!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ConsentDefault> DefaultAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await registry.GetAsync(workspace, cancellationToken)).Compiled.Policies.ConsentDefault;
}
