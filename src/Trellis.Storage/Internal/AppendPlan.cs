namespace Trellis.Storage.Internal;

/// <summary>What an append must write, worked out before writing.</summary>
/// <param name="Events">One entry per incoming event, same order.</param>
/// <param name="Merges">Merges to apply, in this order, before the events are inserted.</param>
/// <param name="Persons">The distinct canonical persons that get events, sorted ordinally: rows are locked in
/// this order by every writer, which keeps concurrent appends from deadlocking on PostgreSQL.</param>
internal sealed record AppendPlan(
    IReadOnlyList<PlannedEvent> Events,
    IReadOnlyList<PersonMerge> Merges,
    IReadOnlyList<string> Persons);
