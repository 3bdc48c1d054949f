using System.Runtime.CompilerServices;
using Trellis.Core.Journeys;
using Trellis.Core.Templates;
using Trellis.Templates.Rendering;

namespace Trellis.Templates;

/// <summary>
/// Renders template sections into messages. Each <see cref="TemplateDefinition"/> is compiled once, on first
/// use or by <see cref="Prepare"/>, and the compiled parts are kept for as long as the definition object lives
/// (a reloaded workspace brings new definitions, which compile afresh; the old ones are collected).
/// Safe to share across threads.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly ConditionalWeakTable<TemplateDefinition, Lazy<CompiledTemplate>> _compiled = new();

    public TemplateRenderer(int maxRenderedPartBytes = TemplateLimits.MaxRenderedPartBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRenderedPartBytes);
        MaxRenderedPartBytes = maxRenderedPartBytes;
    }

    /// <summary>The cap on one rendered part, in UTF-8 bytes; past it a render fails with <see cref="TemplateRenderErrorKind.OutputTooLarge"/>.</summary>
    public int MaxRenderedPartBytes { get; }

    /// <summary>Compiles every part now (e.g. at workspace load) so the first send does not pay for it.</summary>
    public void Prepare(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        _ = CompiledFor(template);
    }

    /// <summary>
    /// Renders the template's section for <paramref name="channel"/>. Missing model values render as empty text.
    /// </summary>
    /// <exception cref="TemplateRenderException">The section is missing, a part is invalid, a helper failed, or a part is too large.</exception>
    public RenderedMessage Render(TemplateDefinition template, Channel channel, TemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(model);
        if (!CompiledFor(template).TryGetSection(channel, out var parts))
        {
            throw new TemplateRenderException(template.Id, channel, null, TemplateRenderErrorKind.MissingSection,
                $"the template has no '{channel.Name()}' section");
        }

        var data = ModelConverter.ToHandlebarsModel(model);
        var rendered = new Dictionary<string, string>(parts.Count, StringComparer.Ordinal);
        foreach (var part in parts)
        {
            rendered[part.Name] = part.Render(data, MaxRenderedPartBytes, template.Id, channel);
        }

        return new RenderedMessage(template.Id, channel, rendered);
    }

    // Lazy makes the compile happen once even when two threads ask for a new definition at the same moment.
    private CompiledTemplate CompiledFor(TemplateDefinition template) =>
        _compiled.GetValue(template, static t => new Lazy<CompiledTemplate>(() => CompiledTemplate.Compile(t))).Value;
}
