using NodaTime;

namespace Trellis.Storage;

/// <summary>An event as stored: under its canonical person, with its place in the event sequence.</summary>
/// <param name="Sequence">
/// Increases with every append across the store. Per person it follows commit order, which is what the
/// engine relies on when it marks events processed "up to a sequence".
/// </param>
public sealed record StoredEvent(
    long Sequence,
    WorkspaceId Workspace,
    string PersonId,
    string MessageId,
    EventKind Kind,
    string? EventName,
    string PayloadJson,
    Instant Timestamp,
    Instant ReceivedAt);
