using NodaTime;
using Trellis.Core.Engine.State;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>An occurrence's properties: the event's generators in order, then the properties copied from its cause.</summary>
internal static class EventProperties
{
    public static Value Generate(SimulationPlan plan, int e, ref Xoshiro256StarStar rng, Instant start, Value cause, IReadOnlyList<PropertyCopy> copy)
    {
        var generators = plan.Events[e].Properties;
        if (generators.Length == 0 && copy.Count == 0)
        {
            return EventRecord.EmptyProperties;
        }

        var map = new Dictionary<string, Value>(generators.Length + copy.Count, StringComparer.Ordinal);
        foreach (var g in generators)
        {
            var v = g.Generator.Next(ref rng, start);
            if (!v.IsNull)
            {
                map[g.Name] = v;
            }
        }

        foreach (var c in copy)
        {
            var v = cause.Member(c.From);
            if (!v.IsNull)
            {
                map[c.To] = v;
            }
        }

        return Value.Map(map);
    }
}
