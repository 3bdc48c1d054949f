namespace Trellis.Server.Dashboard.Graph;

/// <summary>A journey drawn as boxes and arrows, laid out top to bottom, ready for SVG.</summary>
public sealed record JourneyGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, double Width, double Height);
