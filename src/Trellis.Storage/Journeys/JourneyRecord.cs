using NodaTime;

namespace Trellis.Storage;

/// <summary>A journey's YAML source in a workspace, with its publication status.</summary>
/// <param name="Version">1 for the first upload, +1 for every new source (status changes keep it).</param>
public sealed record JourneyRecord(
    WorkspaceId Workspace,
    string JourneyId,
    string SourceYaml,
    JourneyStatus Status,
    string? StatusReason,
    long Version,
    Instant UpdatedAt);
