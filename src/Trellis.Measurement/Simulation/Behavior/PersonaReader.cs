using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Reads <c>personas:</c>, a list of {name, share, traits, events}.</summary>
internal sealed class PersonaReader(YamlFieldReader fields, GeneratorReader generators)
{
    public IReadOnlyList<PersonaModel> Read(YamlNode node)
    {
        var personas = new List<PersonaModel>();
        if (fields.Sequence(node, "personas") is not { } list)
        {
            return personas;
        }

        foreach (var item in list.Children)
        {
            if (fields.Mapping(item, "a persona") is not { } m)
            {
                continue;
            }

            fields.CheckFields(m, "a persona", "name", "share", "traits", "events");
            var name = fields.Get(m, "name") is { } n ? fields.Text(n, "a persona's name") : null;
            if (name is null)
            {
                fields.Report(m, "a persona needs a name");
                continue;
            }

            if (personas.Any(p => p.Name == name))
            {
                fields.Report(m, $"persona '{name}' is defined twice");
            }

            var share = fields.Get(m, "share") is { } s ? fields.Number(s, $"persona '{name}' share", 0) ?? 1 : 1;
            var traits = fields.Get(m, "traits") is { } t ? Traits(t, name) : [];
            var events = fields.Get(m, "events") is { } e ? Events(e, name) : [];
            personas.Add(new PersonaModel(name, share, traits, events));
        }

        if (personas.Count > 0 && personas.Sum(p => p.Share) <= 0)
        {
            fields.Report(node, "the personas' shares add up to 0");
        }

        return personas;
    }

    private List<NamedGenerator> Traits(YamlNode node, string persona)
    {
        var traits = new List<NamedGenerator>();
        if (fields.Mapping(node, $"persona '{persona}' traits") is not { } m)
        {
            return traits;
        }

        foreach (var (key, _, value) in fields.Entries(m))
        {
            if (generators.Read(value, $"trait '{key}' of persona '{persona}'", key) is { } g)
            {
                traits.Add(new NamedGenerator(key, g));
            }
        }

        return traits;
    }

    private List<EventRate> Events(YamlNode node, string persona)
    {
        var rates = new List<EventRate>();
        if (fields.Mapping(node, $"persona '{persona}' events") is not { } m)
        {
            return rates;
        }

        foreach (var (name, keyNode, value) in fields.Entries(m))
        {
            var what = $"event '{name}' of persona '{persona}'";
            if (value is YamlScalarNode)
            {
                // Shorthand: `app_used: 0.5` is a rate per day.
                if (fields.Number(value, what + " rate", 0) is { } perDay)
                {
                    rates.Add(new EventRate(name, perDay, 0, false, 0, null, 0, YamlFieldReader.LineOf(keyNode)));
                }

                continue;
            }

            if (fields.Mapping(value, what) is not { } e)
            {
                continue;
            }

            fields.CheckFields(e, what, "rate", "dispersion", "once", "at_start", "at_trait", "probability");
            var rate = fields.Get(e, "rate") is { } r ? fields.Number(r, what + " rate (per person and day)", 0) ?? 0 : 0;
            var dispersion = fields.Get(e, "dispersion") is { } d ? fields.Number(d, what + " dispersion", 0, 100) ?? 0 : 0;
            var once = fields.Get(e, "once") is { } o && (fields.Bool(o, what + " once") ?? false);
            var atStart = fields.Get(e, "at_start") is { } a ? fields.Probability(a, what + " at_start") ?? 0 : 0;
            var atTrait = fields.Get(e, "at_trait") is { } at ? fields.Text(at, what + " at_trait") : null;
            var probability = fields.Get(e, "probability") is { } p ? fields.Probability(p, what + " probability") ?? 0 : 1;
            if (fields.Get(e, "probability") is not null && atTrait is null)
            {
                fields.Report(e, $"{what}: probability goes with at_trait (the chance of the event on that date)");
            }

            rates.Add(new EventRate(name, rate, dispersion, once, atStart, atTrait, probability, YamlFieldReader.LineOf(keyNode)));
        }

        return rates;
    }
}
