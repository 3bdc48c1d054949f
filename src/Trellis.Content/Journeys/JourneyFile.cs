using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>
/// One journey file after reading. <see cref="Definition"/> is built even when the file has errors (with
/// stand-ins for the broken parts) so that scenarios can still be checked against it; it is only handed out
/// when <see cref="HasErrors"/> is false and the workspace checks pass.
/// </summary>
internal sealed record JourneyFile(string Path, JourneyDefinition? Definition, IReadOnlyList<TemplateUse> TemplateUses, bool HasErrors);
