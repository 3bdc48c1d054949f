namespace Trellis.Core.Engine.Inputs;

/// <summary>A message from a send step was delivered, opened or clicked (for <c>step("id").opened</c> and friends).</summary>
public sealed class EngagementInput(string journey, int instanceNumber, string step, EngagementKind kind) : EngineInput
{
    public string Journey { get; } = journey;

    public int InstanceNumber { get; } = instanceNumber;

    public string Step { get; } = step;

    public EngagementKind Kind { get; } = kind;
}
