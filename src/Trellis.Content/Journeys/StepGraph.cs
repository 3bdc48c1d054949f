using Trellis.Content.Reading;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>
/// Resolves step ids to indices and checks the flow: every named step exists, every step can be reached from
/// the first, and every cycle passes through a wait (otherwise a person would loop forever in one instant).
/// </summary>
internal sealed class StepGraph
{
    private readonly IReadOnlyList<StepDefinition> _steps;
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    public StepGraph(IReadOnlyList<StepDefinition> steps, DiagnosticBag diagnostics)
    {
        _steps = steps;
        _diagnostics = diagnostics;
        for (var i = 0; i < steps.Count; i++)
        {
            // Duplicates were reported when read; the first one keeps the id.
            _indexById.TryAdd(steps[i].Id, i);
        }
    }

    public void ResolveAndCheck(IReadOnlyList<StepReference> references)
    {
        // A jump to a missing step usually meant one that exists: calling the steps after it unreachable would
        // only repeat the same mistake.
        if (Resolve(references))
        {
            CheckReachable();
        }

        CheckCycles();
    }

    /// <summary>Sets Index, Next and the jump targets; false when some named step does not exist (reported).</summary>
    private bool Resolve(IReadOnlyList<StepReference> references)
    {
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            step.Index = i;
            step.Next = step.NextId is null
                ? (i + 1 < _steps.Count ? i + 1 : -1)
                : _indexById.GetValueOrDefault(step.NextId, -1);
        }

        // Resolve() uses Next as the default target (wait_for without on_event), so it comes after all Next are set.
        var missing = new HashSet<(int, string)>();
        foreach (var step in _steps)
        {
            var missingIds = step.Resolve(_indexById);
            if (step.NextId is not null && !_indexById.ContainsKey(step.NextId))
            {
                missingIds = missingIds.Append(step.NextId);
            }

            foreach (var id in missingIds)
            {
                missing.Add((step.Index, id));
            }
        }

        var ids = _indexById.Keys.Where(id => !id.StartsWith('#')).ToArray();
        foreach (var reference in references)
        {
            if (missing.Contains((reference.FromPosition, reference.TargetId)))
            {
                _diagnostics.Report(reference.Line, $"no step '{reference.TargetId}'" + Suggestions.WithChoices(reference.TargetId, ids, "steps"));
            }
        }

        return missing.Count == 0;
    }

    /// <summary>Where control can go from a step: the next step when it falls through, and every jump target.</summary>
    private IEnumerable<int> Successors(StepDefinition step)
    {
        if (step.FallsThrough && step.Next >= 0)
        {
            yield return step.Next;
        }

        foreach (var target in step.Targets)
        {
            if (_indexById.TryGetValue(target, out var i))
            {
                yield return i;
            }
        }
    }

    private void CheckReachable()
    {
        if (_steps.Count == 0)
        {
            return;
        }

        var reached = new bool[_steps.Count];
        var queue = new Queue<int>([0]);
        reached[0] = true;
        while (queue.TryDequeue(out var i))
        {
            foreach (var s in Successors(_steps[i]).Where(s => !reached[s]))
            {
                reached[s] = true;
                queue.Enqueue(s);
            }
        }

        for (var i = 1; i < _steps.Count; i++)
        {
            if (!reached[i])
            {
                _diagnostics.Report(_steps[i].Location.Line,
                    $"step '{_steps[i].Id}' is unreachable from the first step '{_steps[0].Id}'");
            }
        }
    }

    /// <summary>Cycles among steps that do not wait: strongly connected parts of the graph without the waiting steps.</summary>
    private void CheckCycles()
    {
        var edges = _steps
            .Select(s => s.Waits ? [] : Successors(s).Where(t => !_steps[t].Waits).Distinct().ToArray())
            .ToArray();
        foreach (var component in StronglyConnected.Components(edges).OrderBy(c => c.Min()))
        {
            var start = component.Min();
            if (component.Count == 1 && !edges[start].Contains(start))
            {
                continue;
            }

            var cycle = string.Join(" -> ", CyclePath(start, component, edges).Select(i => _steps[i].Id));
            _diagnostics.Report(_steps[start].Location.Line,
                $"cycle with no wait: {cycle}; put a wait or wait_for in it");
        }
    }

    /// <summary>The shortest way from <paramref name="start"/> back to itself inside its component, start included twice.</summary>
    private static List<int> CyclePath(int start, IReadOnlyCollection<int> component, int[][] edges)
    {
        var previous = new Dictionary<int, int>();
        var queue = new Queue<int>([start]);
        while (queue.TryDequeue(out var i))
        {
            foreach (var t in edges[i].Where(component.Contains))
            {
                if (t == start)
                {
                    var path = new List<int> { start };
                    for (var at = i; at != start; at = previous[at])
                    {
                        path.Insert(1, at);
                    }

                    path.Add(start);
                    return path;
                }

                if (previous.TryAdd(t, i))
                {
                    queue.Enqueue(t);
                }
            }
        }

        return [start, start];
    }
}
