using Trellis.Measurement.Reports;

namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>The report of <c>trellis simulate</c> (property order is the JSON order).</summary>
public sealed record SimulationReport
{
    public required SimulationSettings Settings { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required PopulationReport Population { get; init; }

    public required SortedDictionary<string, long> Events { get; init; }

    public required SortedDictionary<string, EngagementCounts> Engagement { get; init; }

    public required IReadOnlyList<JourneyReport> Journeys { get; init; }

    public required WeeklyMessagesReport MessagesPerPersonPerWeek { get; init; }

    public required CollisionReport Collisions { get; init; }
}
