namespace Trellis.Measurement.Simulation.Running;

/// <summary>How far a simulation has got: the virtual day reached by the slowest partition, of all days.</summary>
public readonly record struct SimulationProgress(double Day, int Days)
{
    public double Fraction => Days == 0 ? 1 : Math.Clamp(Day / Days, 0, 1);
}
