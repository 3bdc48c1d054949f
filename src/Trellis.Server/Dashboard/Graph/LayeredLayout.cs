namespace Trellis.Server.Dashboard.Graph;

/// <summary>
/// A small layered (Sugiyama-style) layout, top to bottom: the entry on top, the end at the bottom, each step on
/// the layer after the deepest step that leads to it; arrows that skip layers pass through invisible waypoints
/// so they go around boxes; a few barycenter sweeps reduce crossings; loops back to an earlier step run up the
/// right-hand side. Deterministic: the same journey always gets the same drawing.
/// </summary>
public static class LayeredLayout
{
    public const double NodeWidth = 240;
    public const double NodeHeight = 84;
    public const double GapX = 48;
    public const double GapY = 64;
    public const double WaypointWidth = 24;
    public const double Margin = 24;
    private const double LaneGap = 18;
    private const int Sweeps = 6;

    /// <summary>Positions <paramref name="nodes"/> (in their order: entry first, end last) and routes <paramref name="edges"/>.</summary>
    public static JourneyGraph Arrange(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        var n = nodes.Count;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            index[nodes[i].Id] = i;
        }

        foreach (var edge in edges)
        {
            // Only arrows down the list are layered; the others are loops and go round the side.
            edge.Back = index[edge.To] <= index[edge.From];
        }

        var layer = Layers(n, edges, index);
        var (vertexLayer, below, above, chains) = Segments(n, layer, edges, index);
        var rows = Rows(vertexLayer);
        Order(rows, below, above);
        var (xs, ys, widths, width) = Coordinates(rows, n);
        for (var i = 0; i < n; i++)
        {
            nodes[i].X = xs[i];
            nodes[i].Y = ys[i];
            nodes[i].Width = NodeWidth;
            nodes[i].Height = NodeHeight;
        }

        var lane = width;
        var height = rows.Count * (NodeHeight + GapY) - GapY + 2 * Margin;
        for (var e = 0; e < edges.Count; e++)
        {
            var edge = edges[e];
            var from = nodes[index[edge.From]];
            var to = nodes[index[edge.To]];
            if (edge.Back)
            {
                lane += LaneGap;
                var y1 = from.Y + NodeHeight / 2;
                var y2 = to.Y + NodeHeight / 2;
                edge.Points = [new(from.X + NodeWidth, y1), new(lane, y1), new(lane, y2), new(to.X + NodeWidth, y2)];
                edge.LabelAt = new GraphPoint(lane + 4, (y1 + y2) / 2);
                continue;
            }

            var points = new List<GraphPoint> { new(from.X + NodeWidth / 2, from.Y + NodeHeight) };
            foreach (var waypoint in chains[e])
            {
                var cx = xs[waypoint] + widths[waypoint] / 2;
                points.Add(new GraphPoint(cx, ys[waypoint]));
                points.Add(new GraphPoint(cx, ys[waypoint] + NodeHeight));
            }

            points.Add(new GraphPoint(to.X + NodeWidth / 2, to.Y));
            edge.Points = points;
            // On the first stretch below the source, where fanned-out arrows are still apart.
            edge.LabelAt = new GraphPoint((points[0].X * 0.45) + (points[1].X * 0.55), points[0].Y + GapY * 0.5);
        }

        return new JourneyGraph(nodes, edges, lane + (lane > width ? Margin + 60 : 0), height);
    }

    /// <summary>Longest path from the entry over the downward arrows; the end goes below everything.</summary>
    private static int[] Layers(int n, IReadOnlyList<GraphEdge> edges, Dictionary<string, int> index)
    {
        var layer = new int[n];
        var incoming = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            incoming[i] = [];
        }

        foreach (var edge in edges.Where(e => !e.Back))
        {
            incoming[index[edge.To]].Add(index[edge.From]);
        }

        for (var i = 1; i < n - 1; i++)
        {
            // Arrows only go down the list, so every source already has its layer. A step nothing leads to
            // (only possible in a journey with errors) sits just below the entry.
            layer[i] = incoming[i].Count == 0 ? 1 : incoming[i].Max(p => layer[p]) + 1;
        }

        if (n > 1)
        {
            layer[n - 1] = (n > 2 ? layer.Take(n - 1).Max() : 0) + 1;
        }

        return layer;
    }

    /// <summary>Splits arrows that skip layers into one-layer segments through waypoints (vertices n, n+1, …).</summary>
    private static (List<int> VertexLayer, List<List<int>> Below, List<List<int>> Above, List<int>[] Chains) Segments(
        int n, int[] layer, IReadOnlyList<GraphEdge> edges, Dictionary<string, int> index)
    {
        var vertexLayer = new List<int>(layer);
        var below = new List<List<int>>();
        var above = new List<List<int>>();
        for (var i = 0; i < n; i++)
        {
            below.Add([]);
            above.Add([]);
        }

        var chains = new List<int>[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            chains[e] = [];
            if (edges[e].Back)
            {
                continue;
            }

            var from = index[edges[e].From];
            var to = index[edges[e].To];
            var previous = from;
            for (var l = layer[from] + 1; l < layer[to]; l++)
            {
                var waypoint = vertexLayer.Count;
                vertexLayer.Add(l);
                below.Add([]);
                above.Add([]);
                chains[e].Add(waypoint);
                below[previous].Add(waypoint);
                above[waypoint].Add(previous);
                previous = waypoint;
            }

            below[previous].Add(to);
            above[to].Add(previous);
        }

        return (vertexLayer, below, above, chains);
    }

    private static List<List<int>> Rows(List<int> vertexLayer)
    {
        var rows = new List<List<int>>();
        for (var v = 0; v < vertexLayer.Count; v++)
        {
            while (rows.Count <= vertexLayer[v])
            {
                rows.Add([]);
            }

            rows[vertexLayer[v]].Add(v);
        }

        return rows;
    }

    /// <summary>Barycenter sweeps, down then up: each vertex moves toward the average place of its neighbours.</summary>
    private static void Order(List<List<int>> rows, List<List<int>> below, List<List<int>> above)
    {
        var position = new Dictionary<int, double>();
        void Remember(List<int> row)
        {
            for (var i = 0; i < row.Count; i++)
            {
                position[row[i]] = i;
            }
        }

        rows.ForEach(Remember);
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var down = sweep % 2 == 0;
            var order = down ? Enumerable.Range(1, Math.Max(0, rows.Count - 1)) : Enumerable.Range(0, Math.Max(0, rows.Count - 1)).Reverse();
            foreach (var r in order)
            {
                var neighbours = down ? above : below;
                var row = rows[r];
                var keyed = row.Select((v, i) => (Vertex: v, Key: neighbours[v].Count == 0 ? i : neighbours[v].Average(u => position[u]), Place: i)).ToList();
                // Stable on ties, so the definition's order decides between equals.
                rows[r] = keyed.OrderBy(k => k.Key).ThenBy(k => k.Place).Select(k => k.Vertex).ToList();
                Remember(rows[r]);
            }
        }
    }

    /// <summary>Each layer centred on the widest; real boxes and thin waypoints side by side.</summary>
    private static (double[] Xs, double[] Ys, double[] Widths, double Width) Coordinates(List<List<int>> rows, int n)
    {
        var count = rows.Sum(r => r.Count);
        var xs = new double[count];
        var ys = new double[count];
        var widths = new double[count];
        double RowWidth(List<int> row) => row.Sum(v => v < n ? NodeWidth : WaypointWidth) + GapX * Math.Max(0, row.Count - 1);
        var widest = rows.Count == 0 ? 0 : rows.Max(RowWidth);
        for (var r = 0; r < rows.Count; r++)
        {
            var x = Margin + (widest - RowWidth(rows[r])) / 2;
            foreach (var v in rows[r])
            {
                widths[v] = v < n ? NodeWidth : WaypointWidth;
                xs[v] = x;
                ys[v] = Margin + r * (NodeHeight + GapY);
                x += widths[v] + GapX;
            }
        }

        return (xs, ys, widths, widest + 2 * Margin);
    }
}
