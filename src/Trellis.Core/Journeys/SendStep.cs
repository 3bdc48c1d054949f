namespace Trellis.Core.Journeys;

/// <summary><c>send: {channel: x | [x, y], template: id}</c>: channels are tried in order (fallback).</summary>
public sealed class SendStep(string id, SourceLocation location, IReadOnlyList<Channel> channels, string templateId)
    : StepDefinition(id, location)
{
    public IReadOnlyList<Channel> Channels { get; } = channels;

    public string TemplateId { get; } = templateId;

    public override string Kind => "send";
}
