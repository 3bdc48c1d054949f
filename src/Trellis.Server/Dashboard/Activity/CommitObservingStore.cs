using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// The server's store with one addition: work units report their committed changes to an
/// <see cref="ITraceCommitObserver"/>. Everything else passes through untouched. This is the seam the
/// dashboard uses instead of a hook inside the engine worker: the commit is where a trace line becomes true.
/// </summary>
public sealed class CommitObservingStore(ITrellisStore inner, ObservedWorkQueue work) : ITrellisStore
{
    public ITrellisStore Inner { get; } = inner;

    public IWorkspaceStore Workspaces => Inner.Workspaces;

    public IEventLog Events => Inner.Events;

    public IPersonStore Persons => Inner.Persons;

    public IConsentStore Consent => Inner.Consent;

    public ISuppressionList Suppressions => Inner.Suppressions;

    public IWorkQueue Work { get; } = work;

    public IOutbox Outbox => Inner.Outbox;

    public IIdempotencyKeys IdempotencyKeys => Inner.IdempotencyKeys;

    public IJourneyStore Journeys => Inner.Journeys;

    public IInboxStore Inbox => Inner.Inbox;

    public IGuardrailCounts GuardrailCounts => Inner.GuardrailCounts;

    public bool SerializesWrites => Inner.SerializesWrites;

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
