namespace Trellis.Measurement.Reports;

/// <summary>
/// One step: how often it was reached (<see cref="Entries"/>, and as a share of the journey's entrants), what it
/// sent or skipped or deferred, where people went next and how long that took, and how many instances ended
/// here. <see cref="DropOff"/> counts instances that left the journey by an exit rule while at this step.
/// </summary>
public sealed record StepReport
{
    public required string Step { get; init; }

    public required string Kind { get; init; }

    public required long Entries { get; init; }

    public required double ReachRate { get; init; }

    public required long Sends { get; init; }

    public required SortedDictionary<string, long> SendsByChannel { get; init; }

    public required SortedDictionary<string, long> Skips { get; init; }

    public required SortedDictionary<string, long> Defers { get; init; }

    public required IReadOnlyList<StepTransition> Next { get; init; }

    public required QuantileSummary TimeToNextStep { get; init; }

    public required OutcomeCounts Ended { get; init; }

    public required long DropOff { get; init; }
}
