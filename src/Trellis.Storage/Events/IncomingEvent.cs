using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// One ingested call, as the server hands it to <see cref="IEventLog.AppendAsync"/>. At least one of
/// <see cref="UserId"/> and <see cref="AnonymousId"/> is set (the server validates the Segment rules first).
/// </summary>
public sealed record IncomingEvent
{
    /// <summary>The client's messageId: de-duplicates per workspace.</summary>
    public required string MessageId { get; init; }

    public required EventKind Kind { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>Alias calls only: the id that becomes an alias of <see cref="UserId"/>.</summary>
    public string? PreviousId { get; init; }

    /// <summary>Track calls: the event name; page/screen: the page name; otherwise null.</summary>
    public string? EventName { get; init; }

    /// <summary>
    /// The whole call as JSON, kept for the engine and the timeline. Must be valid JSON (the server parsed
    /// it): PostgreSQL refuses anything else (<see cref="InvalidStorageDataException"/>), SQLite stores it
    /// unchecked to keep ingest fast.
    /// </summary>
    public required string PayloadJson { get; init; }

    /// <summary>When it happened (the server has already corrected it for client clock skew).</summary>
    public required Instant Timestamp { get; init; }

    public required Instant ReceivedAt { get; init; }

    /// <summary>The id this event is about before aliases are resolved: the user id when known.</summary>
    public string PrimaryId =>
        !string.IsNullOrEmpty(UserId) ? UserId
        : !string.IsNullOrEmpty(AnonymousId) ? AnonymousId
        : throw new InvalidOperationException($"Event {MessageId} has neither userId nor anonymousId.");

    /// <summary>
    /// The id this call links to <see cref="UserId"/>, if any: an alias call's previousId, or the anonymousId
    /// of any call that carries both ids (what identity resolution does with identify after anonymous browsing).
    /// </summary>
    public string? LinkedId =>
        string.IsNullOrEmpty(UserId) ? null
        : Kind == EventKind.Alias ? NullIfEmpty(PreviousId)
        : NullIfEmpty(AnonymousId);

    private static string? NullIfEmpty(string? id) => string.IsNullOrEmpty(id) ? null : id;
}
