using Trellis.Storage;
using Trellis.Core.Engine;
using Trellis.Core.Templates;

namespace Trellis.Server.Processing;

/// <summary>What the server runs for one workspace: its compiled live journeys, templates and policies.</summary>
public sealed class WorkspaceRuntime(WorkspaceId id, CompiledWorkspace compiled, IReadOnlyList<string> problems)
{
    public WorkspaceId Id { get; } = id;

    public CompiledWorkspace Compiled { get; } = compiled;

    public JourneyEngine Engine { get; } = new(compiled);

    public IReadOnlyDictionary<string, TemplateDefinition> Templates => Compiled.Workspace.Templates;

    /// <summary>Problems found when loading (a stored journey that no longer validates is left out and listed here).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
