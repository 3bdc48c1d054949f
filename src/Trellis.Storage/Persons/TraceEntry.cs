using NodaTime;

namespace Trellis.Storage;

/// <summary>One line of a person's decision trace (enter, step, send, skip, defer, goal, exit, …).</summary>
/// <param name="DetailsJson">The whole trace line as JSON (SPEC §5 fields).</param>
public sealed record TraceEntry(Instant At, string Type, string? JourneyId, string? StepId, string DetailsJson);
