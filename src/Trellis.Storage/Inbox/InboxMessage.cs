using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// One stored in-app message. <see cref="SendId"/> is the logical send that produced it: a workspace keeps one
/// message per send, so a retried delivery stores nothing new.
/// </summary>
public sealed record InboxMessage(
    string Id,
    string PersonId,
    string SendId,
    string Title,
    string Body,
    IReadOnlyDictionary<string, string> Metadata,
    Instant CreatedAt,
    Instant? ReadAt);
