using Trellis.Core.Journeys;

namespace Trellis.Core.Templates;

/// <summary>
/// A template file: one section per channel it supports, each a set of named Handlebars parts
/// (email: subject, html, text; sms: body; push: title, body; …).
/// </summary>
public sealed class TemplateDefinition
{
    public required string Id { get; init; }

    public required IReadOnlyDictionary<Channel, IReadOnlyDictionary<string, string>> Sections { get; init; }

    public required SourceLocation Location { get; init; }

    public bool Supports(Channel channel) => Sections.ContainsKey(channel);
}
