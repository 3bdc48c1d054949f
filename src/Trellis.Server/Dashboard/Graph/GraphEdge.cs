namespace Trellis.Server.Dashboard.Graph;

/// <summary>
/// An arrow of the journey graph between two node ids, with the condition that takes it (branch case, split
/// variant, event or timeout) and its path (filled in by <see cref="LayeredLayout"/>).
/// </summary>
/// <param name="Back">Goes back up to an earlier step (a loop): drawn around the side.</param>
public sealed record GraphEdge(string From, string To, string? Label)
{
    public bool Back { get; set; }

    public IReadOnlyList<GraphPoint> Points { get; set; } = [];

    public GraphPoint LabelAt { get; set; }
}
