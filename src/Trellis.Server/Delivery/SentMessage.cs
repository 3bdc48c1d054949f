using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>A message the dispatcher handed to a provider: who it went to and which step sent it.</summary>
public sealed record SentMessage(WorkspaceId Workspace, string PersonId, SendReference Send, string Channel, string? Address);
