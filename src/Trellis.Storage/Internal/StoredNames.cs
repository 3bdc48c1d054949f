namespace Trellis.Storage.Internal;

/// <summary>
/// How enums are spelled in the database (lower snake case, readable in SQL and stable when C# names change).
/// Both backends use these, so a database can be read by either.
/// </summary>
internal static class StoredNames
{
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.Identify => "identify",
        EventKind.Track => "track",
        EventKind.Page => "page",
        EventKind.Screen => "screen",
        EventKind.Group => "group",
        EventKind.Alias => "alias",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static EventKind EventKindOf(string stored) => stored switch
    {
        "identify" => EventKind.Identify,
        "track" => EventKind.Track,
        "page" => EventKind.Page,
        "screen" => EventKind.Screen,
        "group" => EventKind.Group,
        "alias" => EventKind.Alias,
        _ => throw Unknown("event kind", stored),
    };

    public static string Of(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "pending",
        OutboxStatus.Claimed => "claimed",
        OutboxStatus.Sent => "sent",
        OutboxStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static OutboxStatus OutboxStatusOf(string stored) => stored switch
    {
        "pending" => OutboxStatus.Pending,
        "claimed" => OutboxStatus.Claimed,
        "sent" => OutboxStatus.Sent,
        "failed" => OutboxStatus.Failed,
        _ => throw Unknown("outbox status", stored),
    };

    public static string Of(JourneyStatus status) => status switch
    {
        JourneyStatus.Draft => "draft",
        JourneyStatus.Live => "live",
        JourneyStatus.Paused => "paused",
        JourneyStatus.PausedByGuardrail => "paused_by_guardrail",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static JourneyStatus JourneyStatusOf(string stored) => stored switch
    {
        "draft" => JourneyStatus.Draft,
        "live" => JourneyStatus.Live,
        "paused" => JourneyStatus.Paused,
        "paused_by_guardrail" => JourneyStatus.PausedByGuardrail,
        _ => throw Unknown("journey status", stored),
    };

    private static InvalidStorageDataException Unknown(string what, string stored) =>
        new($"Unknown {what} '{stored}' in the database.");
}
