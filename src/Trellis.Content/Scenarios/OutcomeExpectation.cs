using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Content.Scenarios;

/// <summary>
/// One expected end of a journey: <see cref="Outcome"/> is converted, exited or completed. <see cref="Offset"/>
/// and <see cref="Value"/> are only checked when given.
/// </summary>
public sealed record OutcomeExpectation(
    Duration? Offset,
    string User,
    string Journey,
    string Outcome,
    Value? Value,
    SourceLocation Location);
