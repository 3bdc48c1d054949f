using Trellis.Measurement.Simulation.Behavior;

namespace Trellis.Measurement.Simulation.Planning;

/// <summary>A persona resolved against the event table: rates, dispersions and once-flags by event index.</summary>
public sealed class PersonaPlan(PersonaModel model, int events)
{
    public PersonaModel Model { get; } = model;

    public string Name => Model.Name;

    public double[] PerDay { get; } = new double[events];

    public double[] Dispersion { get; } = new double[events];

    public bool[] Once { get; } = new bool[events];

    public List<(int Event, double Probability)> AtStart { get; } = [];

    public List<(int Event, string Trait, double Probability)> AtTrait { get; } = [];
}
