namespace Trellis.Storage;

/// <summary>Per-event outcomes of one append, in the order of the batch.</summary>
public sealed record AppendResult(IReadOnlyList<AppendItemResult> Items)
{
    public int AppendedCount => Items.Count(i => i.Status == AppendStatus.Appended);

    public int DuplicateCount => Items.Count(i => i.Status == AppendStatus.Duplicate);

    public int RefusedCount => Items.Count(i => i.Status == AppendStatus.RefusedErased);
}
