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
}
