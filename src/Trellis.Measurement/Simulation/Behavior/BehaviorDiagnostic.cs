namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A mistake in a behaviour file, printed as <c>file:line: message</c>.</summary>
public sealed record BehaviorDiagnostic(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
