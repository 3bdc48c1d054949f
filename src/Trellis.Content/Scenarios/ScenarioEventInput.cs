using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary><c>{at, user, event: name, properties: {…}}</c>: the person performs an event.</summary>
public sealed record ScenarioEventInput(
    Duration Offset,
    string User,
    SourceLocation Location,
    string Name,
    IReadOnlyDictionary<string, Value> Properties) : ScenarioInput(Offset, User, Location);
