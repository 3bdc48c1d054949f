using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>
/// A send step's template and channels with the lines they were written on. Checked against the templates of
/// the workspace (which may come from other files), so it is kept apart from the per-file checks.
/// </summary>
internal sealed record TemplateUse(string TemplateId, int TemplateLine, IReadOnlyList<(Channel Channel, int Line)> Channels);
