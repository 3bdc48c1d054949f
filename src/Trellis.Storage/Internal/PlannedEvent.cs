namespace Trellis.Storage.Internal;

/// <summary>
/// The plan for one event of a batch: <see cref="AppendStatus.Appended"/> means "insert under
/// <see cref="PersonId"/>" (the database may still find its messageId already stored).
/// </summary>
internal readonly record struct PlannedEvent(AppendStatus Status, string? PersonId);
