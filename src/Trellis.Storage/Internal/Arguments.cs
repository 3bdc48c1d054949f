namespace Trellis.Storage.Internal;

/// <summary>Argument checks shared by the backends, so both reject the same misuse the same way.</summary>
internal static class Arguments
{
    public static void RequireWorkspace(WorkspaceId workspace)
    {
        if (workspace.Value is null)
        {
            throw new ArgumentException("A workspace id is required (got default(WorkspaceId)).", nameof(workspace));
        }
    }

    public static void RequireId(string id, string name)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("An id is required.", name);
        }
    }

    public static void RequirePositive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }

    /// <summary>A list of ids or addresses to look up: not null, no null or empty item.</summary>
    public static void RequireItems(IReadOnlyCollection<string> items, string name)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        foreach (var item in items)
        {
            if (string.IsNullOrEmpty(item))
            {
                throw new ArgumentException("An id or address in the list is null or empty.", name);
            }
        }
    }

    /// <summary>A batch of outbox marks: not null, and each entry at most once (a claimed entry has one outcome).</summary>
    public static void RequireDistinctMarks(IReadOnlyList<OutboxMark> marks, string name)
    {
        ArgumentNullException.ThrowIfNull(marks, name);
        var seen = new HashSet<(string, long)>();
        foreach (var mark in marks)
        {
            if (mark is null)
            {
                throw new ArgumentException("A mark is null.", name);
            }

            if (!seen.Add((mark.Workspace.Value, mark.Id)))
            {
                throw new ArgumentException($"Outbox entry {mark.Id} of workspace '{mark.Workspace.Value}' is marked twice.", name);
            }
        }
    }
}
