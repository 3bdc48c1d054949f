using Trellis.Core.Values;

namespace Trellis.Runtime.Scenarios;

/// <summary>A person that exists when the scenario starts, with their traits (applied as an identify at the start).</summary>
public sealed record ScriptedProfile(string Id, IReadOnlyDictionary<string, Value> Traits);
