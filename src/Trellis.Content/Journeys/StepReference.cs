namespace Trellis.Content.Journeys;

/// <summary>A step id named in <c>next</c>, <c>goto</c>, <c>on_event</c> or <c>on_timeout</c>, where it was written.</summary>
internal sealed record StepReference(int FromPosition, string TargetId, int Line);
