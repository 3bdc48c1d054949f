using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Content.Scenarios;

/// <summary>One expected send; the list of them is exact and ordered.</summary>
public sealed record SendExpectation(
    Duration Offset,
    string User,
    string Journey,
    string Step,
    Channel Channel,
    SourceLocation Location);
