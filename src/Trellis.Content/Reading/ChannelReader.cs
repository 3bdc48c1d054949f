using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Reading;

/// <summary>Channel names (email, sms, push, in_app, webhook, direct_mail, task), one or a list.</summary>
internal sealed class ChannelReader(DiagnosticBag diagnostics)
{
    public Channel? Channel(YamlNode node, string field)
    {
        if (node is YamlScalar s && ChannelNames.TryParse(s.Value, out var channel))
        {
            return channel;
        }

        diagnostics.Report(node.Line, UnknownChannelMessage(node, field));
        return null;
    }

    /// <summary>A channel, or a list of channels tried in order; duplicates are reported.</summary>
    public IReadOnlyList<Channel>? Channels(YamlNode node, string field)
    {
        if (node is not YamlSequence list)
        {
            return Channel(node, field) is { } single ? [single] : null;
        }

        if (list.Items.Count == 0)
        {
            diagnostics.Report(list.Line, $"'{field}' needs at least one channel");
            return null;
        }

        var channels = new List<Channel>();
        var ok = true;
        foreach (var item in list.Items)
        {
            if (Channel(item, field) is not { } c)
            {
                ok = false;
            }
            else if (channels.Contains(c))
            {
                diagnostics.Report(item.Line, $"channel '{c.Name()}' is listed twice");
                ok = false;
            }
            else
            {
                channels.Add(c);
            }
        }

        return ok ? channels : null;
    }

    public static string UnknownChannelMessage(YamlNode node, string field)
    {
        if (node is not YamlScalar { IsNull: false } s)
        {
            return $"'{field}' must be a channel name, not {node.Describe}; channels are: {string.Join(", ", ChannelNames.All)}";
        }

        return $"unknown channel '{s.Value}'" + Suggestions.WithChoices(s.Value, [.. ChannelNames.All], "channels");
    }
}
