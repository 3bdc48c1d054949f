namespace Trellis.Core.Journeys;

/// <summary>One arm of an A/B/n split.</summary>
public sealed class SplitVariant(string name, double weight, string gotoId)
{
    public string Name { get; } = name;

    public double Weight { get; } = weight;

    public string GotoId { get; } = gotoId;

    public int Goto { get; set; } = -1;
}

/// <summary><c>split:</c> assignment is deterministic per person and step (see <c>Assignment</c>).</summary>
public sealed class SplitStep(string id, SourceLocation location, IReadOnlyList<SplitVariant> variants)
    : StepDefinition(id, location)
{
    public IReadOnlyList<SplitVariant> Variants { get; } = variants;

    public override string Kind => "split";

    public override bool FallsThrough => false;

    public override IEnumerable<string> Targets => Variants.Select(v => v.GotoId);

    public override IEnumerable<string> Resolve(IReadOnlyDictionary<string, int> indexById)
    {
        var missing = new List<string>();
        foreach (var v in Variants)
        {
            v.Goto = Lookup(indexById, v.GotoId, missing);
        }

        return missing;
    }
}
