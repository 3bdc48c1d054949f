namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>A follow-up's property <see cref="To"/> takes the causing event's property <see cref="From"/> (e.g. cart_id → order_id).</summary>
public sealed record PropertyCopy(string To, string From);
