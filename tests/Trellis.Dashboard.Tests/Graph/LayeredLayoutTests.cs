using Trellis.Content;
using Trellis.Core.Journeys;
using Trellis.Server.Dashboard.Graph;

namespace Trellis.Dashboard.Tests.Graph;

/// <summary>The journey graph's layout on every example journey: boxes apart, arrows from box to box, top to bottom.</summary>
public sealed class LayeredLayoutTests
{
    public static TheoryData<string> Journeys()
    {
        var data = new TheoryData<string>();
        foreach (var journey in Load().Journeys)
        {
            data.Add(journey.Id);
        }

        return data;
    }

    private static ContentSet Load() =>
        ContentLoader.Load(Directory.EnumerateFiles(Path.Combine(RepoRoot.Path, "examples"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "scenarios", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList());

    private static JourneyDefinition Journey(string id) => Load().Journeys.Single(j => j.Id == id);

    [Theory]
    [MemberData(nameof(Journeys))]
    public void Boxes_do_not_overlap_and_arrows_join_boxes(string id)
    {
        var journey = Journey(id);
        var graph = JourneyGraphBuilder.Build(journey);
        Assert.Equal(journey.Steps.Count + 2, graph.Nodes.Count);
        var nodes = graph.Nodes.ToDictionary(n => n.Id);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var a = graph.Nodes[i];
            Assert.InRange(a.X + a.Width, 0, graph.Width);
            Assert.InRange(a.Y + a.Height, 0, graph.Height);
            for (var j = i + 1; j < graph.Nodes.Count; j++)
            {
                var b = graph.Nodes[j];
                var apart = a.X + a.Width <= b.X || b.X + b.Width <= a.X || a.Y + a.Height <= b.Y || b.Y + b.Height <= a.Y;
                Assert.True(apart, $"{a.Id} and {b.Id} overlap");
            }
        }

        Assert.All(graph.Nodes.Skip(1), n => Assert.True(n.Y > nodes["entry"].Y, $"{n.Id} is not below the entry"));
        Assert.All(graph.Nodes.SkipLast(1), n => Assert.True(n.Y < nodes["end"].Y, $"{n.Id} is not above the end"));
        foreach (var edge in graph.Edges)
        {
            var from = nodes[edge.From];
            var to = nodes[edge.To];
            Assert.True(edge.Points.Count >= 2);
            if (!edge.Back)
            {
                Assert.Equal(from.Y + from.Height, edge.Points[0].Y);
                Assert.Equal(to.Y, edge.Points[^1].Y);
                Assert.True(to.Y > from.Y, $"{edge.From} → {edge.To} does not go down");
            }
        }
    }

    [Fact]
    public void Every_way_on_is_an_arrow_with_its_condition()
    {
        var graph = JourneyGraphBuilder.Build(Journey("welcome-series"));
        string? Label(string from, string to) => graph.Edges.Single(e => e.From == "step:" + from && e.To == "step:" + to).Label;
        Assert.Equal("project_created", Label("first-project", "celebrate"));
        Assert.Equal("timeout", Label("first-project", "getting-started"));
        Assert.Equal("profile.plan == \"team\"", Label("by-plan", "invite-teammates"));
        Assert.Equal("else", Label("by-plan", "pro-tips"));
        Assert.Contains(graph.Edges, e => e.From == "step:graduate" && e.To == "end");
        Assert.Contains(graph.Edges, e => e.From == "entry" && e.To == "step:welcome");

        var winBack = JourneyGraphBuilder.Build(Journey("win-back"));
        Assert.Equal("discount 50", winBack.Edges.Single(e => e.From == "step:offer" && e.To == "step:discount").Label);
    }

    [Fact]
    public void A_loop_back_is_drawn_round_the_side()
    {
        var nodes = new List<GraphNode>
        {
            new("entry", null, "entry", "entry", ""), new("step:a", "a", "wait", "a", ""), new("step:b", "b", "branch", "b", ""), new("end", null, "end", "end", ""),
        };
        var edges = new List<GraphEdge> { new("entry", "step:a", null), new("step:a", "step:b", null), new("step:b", "step:a", "again"), new("step:b", "end", "done") };
        var graph = LayeredLayout.Arrange(nodes, edges);
        var back = graph.Edges.Single(e => e.Label == "again");
        Assert.True(back.Back);
        Assert.True(back.Points.Max(p => p.X) > nodes.Max(n => n.X + n.Width), "the loop runs right of the boxes");
        Assert.True(graph.Width >= back.Points.Max(p => p.X));
    }

    [Fact]
    public void The_same_journey_always_gets_the_same_drawing()
    {
        var one = JourneyGraphBuilder.Build(Journey("nps-follow-up"));
        var two = JourneyGraphBuilder.Build(Journey("nps-follow-up"));
        Assert.Equal(one.Nodes.Select(n => (n.X, n.Y)), two.Nodes.Select(n => (n.X, n.Y)));
    }
}
