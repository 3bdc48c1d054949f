using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>
/// One journey file after reading. <see cref="Definition"/> is built even when the file has errors (with
/// stand-ins for the broken parts) so that scenarios can still be checked against it; it is only handed out
/// when <see cref="HasErrors"/> is false and the workspace checks pass.
/// </summary>
/// <param name="ModelUses">Each <c>score("model")</c> with its line: checked against the workspace's models.</param>
internal sealed record JourneyFile(string Path, JourneyDefinition? Definition, IReadOnlyList<TemplateUse> TemplateUses, bool HasErrors)
{
    public IReadOnlyList<(string Model, int Line)> ModelUses { get; init; } = [];
}
