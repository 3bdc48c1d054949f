using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Reads <c>events:</c>: per event name, its <c>properties</c> generators and <c>follow</c>-up events.</summary>
internal sealed class EventModelReader(YamlFieldReader fields, GeneratorReader generators)
{
    public Dictionary<string, EventModel> Read(YamlNode node)
    {
        var events = new Dictionary<string, EventModel>(StringComparer.Ordinal);
        if (fields.Mapping(node, "events") is not { } m)
        {
            return events;
        }

        foreach (var (name, _, value) in fields.Entries(m))
        {
            if (fields.Mapping(value, $"event '{name}'") is not { } e)
            {
                continue;
            }

            fields.CheckFields(e, $"event '{name}'", "properties", "follow");
            var properties = new List<NamedGenerator>();
            if (fields.Get(e, "properties") is { } p && fields.Mapping(p, $"event '{name}' properties") is { } pm)
            {
                foreach (var (prop, _, gen) in fields.Entries(pm))
                {
                    if (generators.Read(gen, $"property '{prop}' of event '{name}'", prop) is { } g)
                    {
                        properties.Add(new NamedGenerator(prop, g));
                    }
                }
            }

            var follow = fields.Get(e, "follow") is { } f ? FollowUps(f, name) : [];
            events[name] = new EventModel(name, properties, follow);
        }

        return events;
    }

    private List<FollowUp> FollowUps(YamlNode node, string cause)
    {
        var list = new List<FollowUp>();
        if (fields.Sequence(node, $"event '{cause}' follow") is not { } seq)
        {
            return list;
        }

        foreach (var item in seq.Children)
        {
            var what = $"a follow-up of '{cause}'";
            if (fields.Mapping(item, what) is not { } m)
            {
                continue;
            }

            fields.CheckFields(m, what, "event", "probability", "after", "copy");
            var name = fields.Get(m, "event") is { } n ? fields.Text(n, what + " event") : null;
            var probability = fields.Get(m, "probability") is { } p ? fields.Probability(p, what + " probability") : 1;
            var delay = fields.Get(m, "after") is { } a ? fields.Delay(a, what + " after") : new DelayRange(NodaTime.Duration.Zero, NodaTime.Duration.Zero);
            if (name is null)
            {
                fields.Report(m, $"{what} needs an event");
                continue;
            }

            var copy = fields.Get(m, "copy") is { } c ? Copies(c, what) : [];
            if (probability is { } pr && delay is { } d)
            {
                list.Add(new FollowUp(name, pr, d, copy, YamlFieldReader.LineOf(item)));
            }
        }

        return list;
    }

    /// <summary><c>copy: [order_id]</c> (same names) or <c>copy: {order_id: cart_id}</c> (new name: old name).</summary>
    private List<PropertyCopy> Copies(YamlNode node, string what)
    {
        var copies = new List<PropertyCopy>();
        if (node is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
            {
                if (fields.Text(item, what + " copy") is { } name)
                {
                    copies.Add(new PropertyCopy(name, name));
                }
            }
        }
        else if (fields.Mapping(node, what + " copy") is { } m)
        {
            foreach (var (to, _, from) in fields.Entries(m))
            {
                if (fields.Text(from, $"{what} copy of '{to}'") is { } source)
                {
                    copies.Add(new PropertyCopy(to, source));
                }
            }
        }

        return copies;
    }
}
