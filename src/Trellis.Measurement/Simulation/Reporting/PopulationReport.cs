namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>The synthetic population: personas, reachable addresses, time zones, explicit consent answers ("key: yes|no").</summary>
public sealed record PopulationReport(
    long People,
    SortedDictionary<string, long> Personas,
    SortedDictionary<string, long> Reachable,
    SortedDictionary<string, long> Timezones,
    SortedDictionary<string, long> Consent);
