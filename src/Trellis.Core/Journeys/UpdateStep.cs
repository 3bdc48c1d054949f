using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary><c>update: {set: {trait: expr}, unset: [trait]}</c>: writes to the person's profile.</summary>
public sealed class UpdateStep(
    string id,
    SourceLocation location,
    IReadOnlyList<KeyValuePair<string, Expression>> set,
    IReadOnlyList<string> unset) : StepDefinition(id, location)
{
    public IReadOnlyList<KeyValuePair<string, Expression>> Set { get; } = set;

    public IReadOnlyList<string> Unset { get; } = unset;

    public override string Kind => "update";
}
