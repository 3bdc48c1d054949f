namespace Trellis.Core.Engine.Inputs;

/// <summary>Feedback on a message that went out.</summary>
public enum EngagementKind : byte
{
    Delivered,
    Opened,
    Clicked,
}
