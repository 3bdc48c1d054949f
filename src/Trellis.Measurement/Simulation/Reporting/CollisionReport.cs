namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Collisions between journeys: people in two or more at once, which pairs overlap, and what arbitration held back.</summary>
public sealed record CollisionReport(long PeopleInTwoOrMore, double Share, IReadOnlyList<JourneyOverlap> Overlaps, IReadOnlyList<ArbitrationCounts> Arbitration);
