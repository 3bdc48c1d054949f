using Trellis.Core.Journeys;
using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>Reads <c>channels:</c> (delivery, open and click behaviour) and <c>responses:</c> (what messages make people do).</summary>
internal sealed class ResponseReader(YamlFieldReader fields)
{
    public Dictionary<Channel, ChannelResponse> Channels(YamlNode node)
    {
        var channels = new Dictionary<Channel, ChannelResponse>();
        if (fields.Mapping(node, "channels") is not { } m)
        {
            return channels;
        }

        foreach (var (name, keyNode, value) in fields.Entries(m))
        {
            if (!ChannelNames.TryParse(name, out var channel))
            {
                fields.Report(keyNode, $"unknown channel '{name}' (channels: {string.Join(", ", ChannelNames.All)})");
                continue;
            }

            if (fields.Mapping(value, $"channel '{name}'") is not { } c)
            {
                continue;
            }

            var what = $"channel '{name}'";
            fields.CheckFields(c, what, "deliver", "open", "click", "open_delay", "click_delay");
            var d = ChannelResponse.DefaultFor(channel);
            channels[channel] = new ChannelResponse(
                fields.Get(c, "deliver") is { } dv ? fields.Probability(dv, what + " deliver") ?? d.Deliver : d.Deliver,
                fields.Get(c, "open") is { } o ? fields.Probability(o, what + " open") ?? d.Open : d.Open,
                fields.Get(c, "click") is { } k ? fields.Probability(k, what + " click") ?? d.Click : d.Click,
                fields.Get(c, "open_delay") is { } od ? fields.Duration(od, what + " open_delay") ?? d.OpenDelay : d.OpenDelay,
                fields.Get(c, "click_delay") is { } cd ? fields.Duration(cd, what + " click_delay") ?? d.ClickDelay : d.ClickDelay);
        }

        return channels;
    }

    public List<MessageResponse> Responses(YamlNode node)
    {
        var responses = new List<MessageResponse>();
        if (fields.Sequence(node, "responses") is not { } seq)
        {
            return responses;
        }

        foreach (var item in seq.Children)
        {
            if (fields.Mapping(item, "a response") is not { } m)
            {
                continue;
            }

            const string what = "a response";
            fields.CheckFields(m, what, "journey", "step", "event", "probability", "after_click", "after");
            var journey = fields.Get(m, "journey") is { } j ? fields.Text(j, what + " journey") : null;
            var step = fields.Get(m, "step") is { } s ? fields.Text(s, what + " step") : null;
            var ev = fields.Get(m, "event") is { } e ? fields.Text(e, what + " event") : null;
            var probability = fields.Get(m, "probability") is { } p ? fields.Probability(p, what + " probability") : 0;
            var afterClick = fields.Get(m, "after_click") is { } c ? fields.Probability(c, what + " after_click") : probability;
            var delay = fields.Get(m, "after") is { } a ? fields.Delay(a, what + " after") : new DelayRange(NodaTime.Duration.Zero, NodaTime.Duration.FromDays(1));
            if (journey is null || ev is null)
            {
                fields.Report(m, "a response needs a journey and an event");
                continue;
            }

            if (probability is { } pr && afterClick is { } ac && delay is { } d)
            {
                responses.Add(new MessageResponse(journey, step, ev, pr, ac, d, YamlFieldReader.LineOf(item)));
            }
        }

        return responses;
    }
}
