using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary><c>{at, user, identify: {trait: value}}</c>: a profile change, merged into the person's traits.</summary>
public sealed record ScenarioIdentifyInput(
    Duration Offset,
    string User,
    SourceLocation Location,
    IReadOnlyDictionary<string, Value> Traits) : ScenarioInput(Offset, User, Location);
