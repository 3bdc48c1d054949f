using NodaTime;
using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary>Builds incoming events the way the server would hand them over.</summary>
internal static class TestEvents
{
    public static readonly Instant T0 = Instant.FromUtc(2026, 3, 2, 9, 0);

    public static IncomingEvent Track(string userId, string name, string? messageId = null, Instant? at = null) => new()
    {
        MessageId = messageId ?? NewMessageId(),
        Kind = EventKind.Track,
        UserId = userId,
        EventName = name,
        PayloadJson = $$"""{"type":"track","userId":"{{userId}}","event":"{{name}}"}""",
        Timestamp = at ?? T0,
        ReceivedAt = at ?? T0,
    };

    public static IncomingEvent AnonymousTrack(string anonymousId, string name, string? messageId = null) => new()
    {
        MessageId = messageId ?? NewMessageId(),
        Kind = EventKind.Track,
        AnonymousId = anonymousId,
        EventName = name,
        PayloadJson = $$"""{"type":"track","anonymousId":"{{anonymousId}}","event":"{{name}}"}""",
        Timestamp = T0,
        ReceivedAt = T0,
    };

    public static IncomingEvent Identify(string userId, string? anonymousId = null, string? messageId = null) => new()
    {
        MessageId = messageId ?? NewMessageId(),
        Kind = EventKind.Identify,
        UserId = userId,
        AnonymousId = anonymousId,
        PayloadJson = $$"""{"type":"identify","userId":"{{userId}}"}""",
        Timestamp = T0,
        ReceivedAt = T0,
    };

    public static IncomingEvent Alias(string previousId, string userId) => new()
    {
        MessageId = NewMessageId(),
        Kind = EventKind.Alias,
        UserId = userId,
        PreviousId = previousId,
        PayloadJson = $$"""{"type":"alias","previousId":"{{previousId}}","userId":"{{userId}}"}""",
        Timestamp = T0,
        ReceivedAt = T0,
    };

    public static string NewMessageId() => Guid.NewGuid().ToString("N");
}
