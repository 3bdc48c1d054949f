namespace Trellis.Storage;

/// <summary>The outcome of one event of an append, at the same index as the event in the batch.</summary>
/// <param name="PersonId">The canonical person the event was stored under (null when refused).</param>
/// <param name="Sequence">The event's sequence when appended, else null.</param>
public sealed record AppendItemResult(AppendStatus Status, string? PersonId, long? Sequence);
