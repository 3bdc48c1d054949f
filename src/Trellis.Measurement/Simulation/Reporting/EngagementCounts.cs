namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Messages on one channel: sent, delivered, opened, clicked; rates are per delivered message.</summary>
public sealed record EngagementCounts(long Sent, long Delivered, long Opened, long Clicked, double OpenRate, double ClickRate);
