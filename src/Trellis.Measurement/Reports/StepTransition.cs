namespace Trellis.Measurement.Reports;

/// <summary>How many instances went from a step on to the step <see cref="To"/>.</summary>
public sealed record StepTransition(string To, long Count);
