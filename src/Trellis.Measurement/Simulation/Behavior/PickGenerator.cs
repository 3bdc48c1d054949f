using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary><c>{pick: {a: 0.7, b: 0.3}}</c> (weights, any scale) or <c>{pick: [a, b]}</c> (equally likely).</summary>
public sealed class PickGenerator : ValueGenerator
{
    private readonly Value[] _values;
    private readonly double[] _cumulative;

    public PickGenerator(IReadOnlyList<Value> values, IReadOnlyList<double> weights)
    {
        _values = values.ToArray();
        _cumulative = new double[weights.Count];
        var total = weights.Sum();
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum / total;
        }
    }

    public IReadOnlyList<Value> Values => _values;

    /// <summary>The share of each value (weights normalised).</summary>
    public double Share(int i) => _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1]);

    public int NextIndex(ref Xoshiro256StarStar rng)
    {
        var u = rng.NextDouble();
        for (var i = 0; i < _cumulative.Length - 1; i++)
        {
            if (u < _cumulative[i])
            {
                return i;
            }
        }

        return _cumulative.Length - 1;
    }

    public override Value Next(ref Xoshiro256StarStar rng, Instant start) => _values[NextIndex(ref rng)];
}
