namespace Trellis.Content.Scenarios;

/// <summary>
/// The <c>expect:</c> block. A null list is not checked; an empty one must match nothing (e.g. <c>skips: []</c>
/// means no skip at all).
/// </summary>
public sealed record ScenarioExpectations(
    IReadOnlyList<SendExpectation>? Sends,
    IReadOnlyList<SkipExpectation>? Skips,
    IReadOnlyList<OutcomeExpectation>? Outcomes)
{
    public static readonly ScenarioExpectations None = new(null, null, null);
}
