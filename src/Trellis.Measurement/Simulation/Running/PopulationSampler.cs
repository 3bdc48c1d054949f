using System.Globalization;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Randomness;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// Draws one synthetic person: persona, time zone, addresses, consent answers and the persona's traits, always in
/// that order from the person's own generator (so a person is the same whatever else is simulated with them).
/// </summary>
internal sealed class PopulationSampler(SimulationPlan plan)
{
    private static readonly Channel[] AddressChannels = [Channel.Email, Channel.Sms, Channel.Push, Channel.DirectMail];

    public Dictionary<string, Value> Sample(ref Xoshiro256StarStar rng, long person, PopulationTally tally, out int persona)
    {
        var model = plan.Model;
        persona = PickPersona(ref rng);
        tally.Personas[persona]++;
        var personaTraits = plan.Personas[persona].Model.Traits;
        // Sized once for everything a person can get (zone, addresses, consent, persona traits): no regrowth.
        var traits = new Dictionary<string, Value>(2 + AddressChannels.Length + personaTraits.Count, StringComparer.Ordinal);
        var zone = model.Timezones.NextIndex(ref rng);
        tally.Timezones[zone]++;
        traits["timezone"] = model.Timezones.Values[zone];
        foreach (var channel in AddressChannels)
        {
            if (model.Reachability.TryGetValue(channel, out var share) && rng.Chance(share))
            {
                traits[channel.AddressTrait()!] = Value.String(Address(channel, person, ref rng));
                tally.Reachable[(int)channel]++;
            }
        }

        if (model.Consent.Count > 0)
        {
            var consent = new Dictionary<string, Value>(model.Consent.Count, StringComparer.Ordinal);
            for (var i = 0; i < model.Consent.Count; i++)
            {
                var rule = model.Consent[i];
                var u = rng.NextDouble();
                if (u < rule.Yes)
                {
                    consent[rule.Key] = Value.True;
                    tally.ConsentYes[i]++;
                }
                else if (u < rule.Yes + rule.No)
                {
                    consent[rule.Key] = Value.False;
                    tally.ConsentNo[i]++;
                }
            }

            if (consent.Count > 0)
            {
                traits["consent"] = Value.Map(consent);
            }
        }

        for (var t = 0; t < personaTraits.Count; t++)
        {
            var trait = personaTraits[t];
            var value = trait.Generator.Next(ref rng, model.Start);
            if (!value.IsNull)
            {
                traits[trait.Name] = value;
            }
        }

        return traits;
    }

    private int PickPersona(ref Xoshiro256StarStar rng)
    {
        var u = rng.NextDouble();
        var cumulative = plan.PersonaCumulative;
        for (var i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    private static string Address(Channel channel, long person, ref Xoshiro256StarStar rng)
    {
        var n = person.ToString(CultureInfo.InvariantCulture);
        return channel switch
        {
            Channel.Email => "u" + n + "@example.com",
            Channel.Sms => "+1555" + (person % 10_000_000).ToString("D7", CultureInfo.InvariantCulture),
            Channel.Push => "push-" + rng.NextUInt64().ToString("x16", CultureInfo.InvariantCulture),
            _ => n + " Example Street",
        };
    }
}
