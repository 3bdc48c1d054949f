namespace Trellis.Storage;

/// <summary>The Segment call an event came from.</summary>
public enum EventKind
{
    Identify,
    Track,
    Page,
    Screen,
    Group,
    Alias,
}
