using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>The six Segment call types and the event names page and screen views are stored under.</summary>
internal static class SegmentCallKinds
{
    /// <summary>
    /// Page and screen calls become events with these names (Segment's "Object Action" naming), so a journey can
    /// enter on <c>event: Page Viewed</c>; the page's own name stays in the payload's <c>name</c>.
    /// </summary>
    public const string PageViewed = "Page Viewed";

    public const string ScreenViewed = "Screen Viewed";

    public const string Names = "identify, track, page, screen, group, alias";

    public static EventKind? Parse(string? type) => type switch
    {
        "identify" => EventKind.Identify,
        "track" => EventKind.Track,
        "page" => EventKind.Page,
        "screen" => EventKind.Screen,
        "group" => EventKind.Group,
        "alias" => EventKind.Alias,
        _ => null,
    };

    public static string Name(EventKind kind) => kind switch
    {
        EventKind.Identify => "identify",
        EventKind.Track => "track",
        EventKind.Page => "page",
        EventKind.Screen => "screen",
        EventKind.Group => "group",
        EventKind.Alias => "alias",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
