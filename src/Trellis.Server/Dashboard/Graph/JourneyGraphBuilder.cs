using Trellis.Core.Journeys;

namespace Trellis.Server.Dashboard.Graph;

/// <summary>
/// Draws a journey definition as a graph: an entry box, one box per step, an end box, and an arrow for every
/// way on (the following step, branch cases, split variants, event and timeout of a wait_for, loops back), laid
/// out by <see cref="LayeredLayout"/>. Arrows between the same two boxes are merged, their labels joined.
/// </summary>
public static class JourneyGraphBuilder
{
    public const string EntryId = "entry";
    public const string EndId = "end";

    public static string NodeId(string stepId) => "step:" + stepId;

    public static JourneyGraph Build(JourneyDefinition journey)
    {
        var nodes = new List<GraphNode> { new(EntryId, null, "entry", "entry", JourneyText.Entry(journey)) };
        nodes.AddRange(journey.Steps.Select(s => new GraphNode(NodeId(s.Id), s.Id, s.Kind, s.Id, JourneyText.Step(s))));
        nodes.Add(new GraphNode(EndId, null, "end", "end", "journey ends"));

        var edges = new List<GraphEdge>();
        var byPair = new Dictionary<(string, string), int>();
        void Add(string from, int target, string? label)
        {
            var to = target < 0 || target >= journey.Steps.Count ? EndId : NodeId(journey.Steps[target].Id);
            if (byPair.TryGetValue((from, to), out var i))
            {
                var existing = edges[i];
                edges[i] = existing with { Label = Join(existing.Label, label) };
                return;
            }

            byPair[(from, to)] = edges.Count;
            edges.Add(new GraphEdge(from, to, label));
        }

        Add(EntryId, journey.Steps.Count > 0 ? 0 : -1, null);
        foreach (var step in journey.Steps)
        {
            var from = NodeId(step.Id);
            foreach (var (target, label) in Ways(step))
            {
                Add(from, target, label);
            }
        }

        return LayeredLayout.Arrange(nodes, edges);
    }

    private static IEnumerable<(int Target, string? Label)> Ways(StepDefinition step) => step switch
    {
        BranchStep b => b.Cases.Select(c => (c.Goto, (string?)(c.When?.Source ?? "else")))
            .Concat(b.FallsThrough ? [(b.Next, "no match")] : []),
        SplitStep s => s.Variants.Select(v => (v.Goto, (string?)$"{v.Name} {v.Weight:0.##}")),
        WaitForStep w => [(w.OnEvent, w.EventName), (w.OnTimeout, "timeout")],
        ExitStep => [(-1, null)],
        _ => [(step.Next, null)],
    };

    private static string? Join(string? a, string? b) =>
        a is null ? b : b is null ? a : a + " / " + b;
}
