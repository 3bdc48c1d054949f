using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>What every step has, read before its kind: id, place in the list, <c>next</c>, and the step's mapping.</summary>
internal sealed record StepHeader(string Id, SourceLocation Location, int Position, string? NextId, YamlMapping Mapping);
