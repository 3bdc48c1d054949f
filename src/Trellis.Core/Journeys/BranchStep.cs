using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>One case of a branch: <c>{when: expr, goto: id}</c>, or the else case <c>{goto: id}</c> (When null).</summary>
public sealed class BranchCase(Expression? when, string gotoId)
{
    public Expression? When { get; } = when;

    public string GotoId { get; } = gotoId;

    public int Goto { get; set; } = -1;
}

/// <summary><c>branch:</c> the first case whose condition is true; with no else and no match, the following step.</summary>
public sealed class BranchStep(string id, SourceLocation location, IReadOnlyList<BranchCase> cases)
    : StepDefinition(id, location)
{
    public IReadOnlyList<BranchCase> Cases { get; } = cases;

    public override string Kind => "branch";

    public override bool FallsThrough => Cases.Count == 0 || Cases[^1].When is not null;

    public override IEnumerable<string> Targets => Cases.Select(c => c.GotoId);

    public override IEnumerable<string> Resolve(IReadOnlyDictionary<string, int> indexById)
    {
        var missing = new List<string>();
        foreach (var c in Cases)
        {
            c.Goto = Lookup(indexById, c.GotoId, missing);
        }

        return missing;
    }
}
