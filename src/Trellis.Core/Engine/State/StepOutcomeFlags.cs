namespace Trellis.Core.Engine.State;

/// <summary>What became of a send step's message, for <c>step("id").sent|delivered|opened|clicked</c>.</summary>
[Flags]
public enum StepOutcomeFlags : byte
{
    None = 0,
    Sent = 1,
    Delivered = 2,
    Opened = 4,
    Clicked = 8,
}
