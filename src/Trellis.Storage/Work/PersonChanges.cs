using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// Everything the engine decided for one claimed person, recorded with <see cref="IWorkUnit.Record"/> and
/// written by <see cref="IWorkUnit.CommitAsync"/> in the same transaction as the new state: effects and
/// state can never disagree after a crash.
/// </summary>
public sealed record PersonChanges
{
    public required WorkspaceId Workspace { get; init; }

    public required string PersonId { get; init; }

    /// <summary>The engine's new opaque state.</summary>
    public required byte[] State { get; init; }

    /// <summary>When the engine wants to run for this person again without an event (null: only on events).</summary>
    public Instant? NextWakeAt { get; init; }

    /// <summary>
    /// Events up to this sequence are processed. Later events (or ones the engine left) stay pending and make
    /// the person claimable again. Never moves backwards.
    /// </summary>
    public required long ProcessedThrough { get; init; }

    /// <summary>The new traits object (JSON), or null to keep the stored traits.</summary>
    public string? TraitsJson { get; init; }

    public IReadOnlyList<ConsentRecord> Consent { get; init; } = [];

    /// <summary>Messages to queue; a send key that already exists is skipped.</summary>
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    public IReadOnlyList<TraceEntry> Trace { get; init; } = [];

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];
}
