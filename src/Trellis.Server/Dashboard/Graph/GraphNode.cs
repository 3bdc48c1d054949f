namespace Trellis.Server.Dashboard.Graph;

/// <summary>
/// A box of the journey graph: the entry, a step, or the end. <see cref="X"/> and <see cref="Y"/> are its top-left
/// corner in SVG units (filled in by <see cref="LayeredLayout"/>).
/// </summary>
/// <param name="Id"><c>entry</c>, <c>end</c>, or <c>step:</c> + the step id (so a step may be called "end").</param>
/// <param name="Step">The step id, or null for the entry and the end.</param>
/// <param name="Kind">entry, end, or the step kind: send, wait, wait_for, branch, split, update, exit.</param>
/// <param name="Detail">What the step does, in a few words (channels and template, wait time, …).</param>
public sealed record GraphNode(string Id, string? Step, string Kind, string Title, string Detail)
{
    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }
}
