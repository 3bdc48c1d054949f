namespace Trellis.Measurement.Reports;

/// <summary>The report of one journey (property order is the JSON order).</summary>
public sealed record JourneyReport
{
    public required string Journey { get; init; }

    public string? Name { get; init; }

    public required int Priority { get; init; }

    public string? Topic { get; init; }

    public required bool Transactional { get; init; }

    public required double HoldoutPercent { get; init; }

    /// <summary>Enter lines.</summary>
    public required long Entrants { get; init; }

    /// <summary>Distinct people among the entrants.</summary>
    public required long People { get; init; }

    public required long Reentries { get; init; }

    /// <summary>Share of entries that were a person's second or later entry.</summary>
    public required double ReentryRate { get; init; }

    public required OutcomeCounts Outcomes { get; init; }

    public required SortedDictionary<string, long> ExitReasons { get; init; }

    public required ConversionSummary Conversions { get; init; }

    public required long Sends { get; init; }

    public required SortedDictionary<string, long> SendsByChannel { get; init; }

    public required SortedDictionary<string, long> Skips { get; init; }

    public required SortedDictionary<string, long> Defers { get; init; }

    public required IReadOnlyList<StepReport> Steps { get; init; }

    public ExperimentReport? Holdout { get; init; }

    public required IReadOnlyList<ExperimentReport> Splits { get; init; }
}
