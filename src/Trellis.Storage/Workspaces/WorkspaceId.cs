namespace Trellis.Storage;

/// <summary>
/// Identifies a workspace. Every stored row belongs to exactly one workspace, and every method of the
/// storage contract that reads or writes workspace data takes one: a workspace never sees another's rows.
/// </summary>
public readonly record struct WorkspaceId
{
    /// <summary>Longest accepted id: ids appear in every index, so they are kept short.</summary>
    public const int MaxLength = 64;

    public WorkspaceId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"A workspace id has at most {MaxLength} characters.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
