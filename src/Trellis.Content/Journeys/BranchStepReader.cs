using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>branch:</c> — cases <c>{when, goto}</c>; only the last may leave out <c>when</c> (the else).</summary>
internal sealed class BranchStepReader(JourneyReadState state)
{
    private static readonly string[] Fields = ["when", "goto"];

    public BranchStep Read(StepHeader header, YamlNode node)
    {
        var readers = state.Readers;
        var cases = new List<BranchCase>();
        if (readers.Nodes.List(node, "branch") is { } list)
        {
            if (list.Items.Count == 0)
            {
                readers.Report(list.Line, "branch needs at least one case: - {when: expr, goto: step-id}");
            }

            for (var i = 0; i < list.Items.Count; i++)
            {
                if (ReadCase(header, list.Items[i], isLast: i == list.Items.Count - 1) is { } c)
                {
                    cases.Add(c);
                }
            }
        }

        return new BranchStep(header.Id, header.Location, cases) { NextId = header.NextId };
    }

    private BranchCase? ReadCase(StepHeader header, YamlNode node, bool isLast)
    {
        var readers = state.Readers;
        if (readers.Nodes.Mapping(node, "a branch case") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "branch case", Fields);
        Expression? when = null;
        if (map.Get("when") is { } w)
        {
            // A broken condition stays a condition: reading it as an else would change which steps follow.
            when = readers.Expressions.Read(w, "when", ExpressionUse.Condition) ?? ExpressionReader.Placeholder;
        }
        else if (!isLast)
        {
            readers.Report(map.Line, "only the last case of a branch may leave out 'when' (it is the else case)");
        }

        if (readers.Nodes.Required(map, "goto", "a branch case") is not { } gotoNode ||
            readers.Nodes.Text(gotoNode, "goto") is not { } target)
        {
            return null;
        }

        state.References.Add(new StepReference(header.Position, target, gotoNode.Line));
        return new BranchCase(when, target);
    }
}
