namespace Trellis.Server.Dashboard.Graph;

/// <summary>A point of an edge's path, in SVG units.</summary>
public readonly record struct GraphPoint(double X, double Y);
