using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// What the partition keeps per person between inputs, in one array element: every arrival reads all of it, and one
/// cache line is cheaper than one per field in separate arrays (the partition's people are visited in random order).
/// </summary>
internal struct SimulatedPerson
{
    /// <summary>The person's own generator: every draw about them comes from it, in a fixed order.</summary>
    public Xoshiro256StarStar Rng;

    /// <summary>Sum of the person's event rates per day (their arrival rate).</summary>
    public double TotalRate;

    public int Persona;
}
