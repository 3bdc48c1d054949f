using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary>A person who exists at the start; <c>consent</c> stays a nested map, as on identify.</summary>
public sealed record ScenarioProfile(string Id, IReadOnlyDictionary<string, Value> Traits, SourceLocation Location);
