using Trellis.Core.Values;

namespace Trellis.Core.Engine.Inputs;

/// <summary>
/// Profile traits changed (Segment <c>identify</c>, the admin API). Traits merge into the profile; a null value
/// removes a trait; the <c>consent</c> map merges key by key (topic or channel → yes/no).
/// </summary>
public sealed class IdentifyInput(IReadOnlyDictionary<string, Value> traits) : EngineInput
{
    public IReadOnlyDictionary<string, Value> Traits { get; } = traits;
}
