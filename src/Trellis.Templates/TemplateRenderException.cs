using Trellis.Core.Journeys;

namespace Trellis.Templates;

/// <summary>
/// The only exception <see cref="TemplateRenderer.Render"/> throws for a template or data problem: it says which
/// template, channel and part failed, and why (<see cref="Kind"/>), so the engine can record a failed send
/// instead of crashing.
/// </summary>
public sealed class TemplateRenderException(
    string templateId,
    Channel channel,
    string? part,
    TemplateRenderErrorKind kind,
    string detail,
    Exception? innerException = null)
    : Exception(Describe(templateId, channel, part, detail), innerException)
{
    public string TemplateId { get; } = templateId;

    public Channel Channel { get; } = channel;

    /// <summary>The part that failed (e.g. "html"); null when the whole section is missing.</summary>
    public string? Part { get; } = part;

    public TemplateRenderErrorKind Kind { get; } = kind;

    /// <summary>The reason without the template/part prefix.</summary>
    public string Detail { get; } = detail;

    private static string Describe(string templateId, Channel channel, string? part, string detail) =>
        $"template '{templateId}', {channel.Name()}{(part is null ? "" : "." + part)}: {detail}";
}
