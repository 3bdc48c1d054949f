using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>send: {channel: x | [x, y], template: id}</c>; the template is checked later, against the workspace.</summary>
internal sealed class SendStepReader(JourneyReadState state)
{
    private static readonly string[] Fields = ["channel", "template"];

    public SendStep Read(StepHeader header, YamlNode node)
    {
        var readers = state.Readers;
        IReadOnlyList<Channel> channels = [];
        var templateId = "";
        if (readers.Nodes.Mapping(node, "send") is { } map)
        {
            readers.Nodes.CheckFields(map, "send", Fields);
            var channelNode = readers.Nodes.Required(map, "channel", "send");
            var templateNode = readers.Nodes.Required(map, "template", "send");
            var read = channelNode is null ? null : readers.Channels.Channels(channelNode, "channel");
            var template = templateNode is null ? null : readers.Nodes.Text(templateNode, "template");
            channels = read ?? [];
            templateId = template ?? "";
            if (read is not null && template is not null)
            {
                state.TemplateUses.Add(new TemplateUse(template, templateNode!.Line, ChannelLines(channelNode!, read)));
            }
        }

        return new SendStep(header.Id, header.Location, channels, templateId) { NextId = header.NextId };
    }

    private static IReadOnlyList<(Channel Channel, int Line)> ChannelLines(YamlNode node, IReadOnlyList<Channel> channels) =>
        node is YamlSequence list
            ? channels.Select((c, i) => (c, list.Items[i].Line)).ToArray()
            : [(channels[0], node.Line)];
}
