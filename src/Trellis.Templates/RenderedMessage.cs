using Trellis.Core.Journeys;

namespace Trellis.Templates;

/// <summary>One channel section of a template, rendered: part name (subject, html, text, body, title, url) → text.</summary>
public sealed class RenderedMessage(string templateId, Channel channel, IReadOnlyDictionary<string, string> parts)
{
    public string TemplateId { get; } = templateId;

    public Channel Channel { get; } = channel;

    public IReadOnlyDictionary<string, string> Parts { get; } = parts;

    /// <summary>The rendered text of a part, or empty text when the section has no such part.</summary>
    public string Part(string name) => Parts.TryGetValue(name, out var text) ? text : "";
}
