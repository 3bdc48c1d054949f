namespace Trellis.Core.Journeys;

/// <summary>
/// One journey step. <see cref="Index"/> is its position; <see cref="Next"/> the index of the step that follows
/// when the step does not jump (its <c>next</c>, or the following step), or -1 for the end of the journey.
/// Resolved by the loader; the engine never looks steps up by name.
/// </summary>
public abstract class StepDefinition
{
    protected StepDefinition(string id, SourceLocation location)
    {
        Id = id;
        Location = location;
    }

    public string Id { get; }

    public SourceLocation Location { get; }

    public int Index { get; set; }

    public int Next { get; set; } = -1;

    /// <summary>The id named in <c>next:</c>, if any (resolved into <see cref="Next"/>).</summary>
    public string? NextId { get; init; }

    /// <summary>The step kind as written in files: send, wait, wait_for, branch, split, update, exit.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether the step can pass time (a wait); a cycle needs one to be allowed.</summary>
    public virtual bool Waits => false;

    /// <summary>Whether control can run on to <see cref="Next"/> from this step.</summary>
    public virtual bool FallsThrough => true;

    /// <summary>The step ids this step can jump to (besides falling through).</summary>
    public virtual IEnumerable<string> Targets => [];

    /// <summary>Resolves named targets to indices; returns the ids that were not found.</summary>
    public virtual IEnumerable<string> Resolve(IReadOnlyDictionary<string, int> indexById) => [];

    protected static int Lookup(IReadOnlyDictionary<string, int> indexById, string? id, List<string> missing)
    {
        if (id is null)
        {
            return -2;
        }

        if (indexById.TryGetValue(id, out var i))
        {
            return i;
        }

        missing.Add(id);
        return -1;
    }
}
