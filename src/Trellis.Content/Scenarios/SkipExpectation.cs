using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Content.Scenarios;

/// <summary>One expected skip; <see cref="Offset"/> null means at any time. <see cref="Reason"/> is a trace reason (<see cref="ScenarioWords.SkipReasons"/>).</summary>
public sealed record SkipExpectation(
    Duration? Offset,
    string User,
    string Journey,
    string Step,
    string Reason,
    SourceLocation Location);
