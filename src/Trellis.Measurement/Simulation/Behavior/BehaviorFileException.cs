namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A behaviour file could not be read; every mistake found is in <see cref="Diagnostics"/>.</summary>
public sealed class BehaviorFileException(IReadOnlyList<BehaviorDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<BehaviorDiagnostic> Diagnostics { get; } = diagnostics;
}
