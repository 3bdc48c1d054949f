namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Messages per person per week, over the whole weeks of the run (a last partial week is left out).</summary>
public sealed record WeeklyMessagesReport(int Weeks, long PersonWeeks, MessageDistribution All, MessageDistribution Marketing);
