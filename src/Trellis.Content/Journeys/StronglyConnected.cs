namespace Trellis.Content.Journeys;

/// <summary>Tarjan's strongly connected components over a small adjacency list (journeys have tens of steps).</summary>
internal static class StronglyConnected
{
    public static List<List<int>> Components(int[][] edges)
    {
        var n = edges.Length;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var counter = 0;

        void Visit(int v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack[v] = true;
            foreach (var w in edges[v])
            {
                if (index[w] < 0)
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack[w])
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] != index[v])
            {
                return;
            }

            var component = new List<int>();
            int x;
            do
            {
                x = stack.Pop();
                onStack[x] = false;
                component.Add(x);
            }
            while (x != v);
            result.Add(component);
        }

        for (var v = 0; v < n; v++)
        {
            if (index[v] < 0)
            {
                Visit(v);
            }
        }

        return result;
    }
}
