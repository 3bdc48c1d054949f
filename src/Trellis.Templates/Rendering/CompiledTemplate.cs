using Trellis.Core.Journeys;
using Trellis.Core.Templates;

namespace Trellis.Templates.Rendering;

/// <summary>Every part of every section of one <see cref="TemplateDefinition"/>, compiled; immutable once built.</summary>
internal sealed class CompiledTemplate
{
    private readonly Dictionary<Channel, IReadOnlyList<CompiledPart>> _sections;

    private CompiledTemplate(Dictionary<Channel, IReadOnlyList<CompiledPart>> sections) => _sections = sections;

    public static CompiledTemplate Compile(TemplateDefinition definition) =>
        new(definition.Sections.ToDictionary(
            section => section.Key,
            section => (IReadOnlyList<CompiledPart>)[.. section.Value.Select(part => CompiledPart.Compile(part.Key, part.Value ?? ""))]));

    public bool TryGetSection(Channel channel, out IReadOnlyList<CompiledPart> parts) =>
        _sections.TryGetValue(channel, out parts!);
}
