using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// The transactional outbox. The engine writes entries with its decisions (see <see cref="PersonChanges"/>);
/// dispatchers lease them with <see cref="ClaimAsync"/>, send, and record the outcome with the lease token.
/// A dispatcher that dies leaves its lease to expire, and the entry is claimed again: delivery is at
/// least once, and the <see cref="SendKey"/> is the idempotency key to give the provider.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues a message outside engine work. False when its send key already exists.</summary>
    Task<bool> EnqueueAsync(WorkspaceId workspace, OutboxMessage message, Instant at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases up to <paramref name="max"/> entries of any workspace that are pending and available, or
    /// claimed with an expired lease, until <paramref name="now"/> + <paramref name="lease"/>. Each entry
    /// is given to one caller at a time, across processes.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(Instant now, int max, Duration lease, CancellationToken cancellationToken = default);

    /// <summary>Records a send. False when the lease is no longer this token's (expired and taken by another).</summary>
    Task<bool> MarkSentAsync(WorkspaceId workspace, long id, Guid leaseToken, Instant at, CancellationToken cancellationToken = default) =>
        MarkSentAsync(workspace, id, leaseToken, at, null, cancellationToken);

    /// <summary>
    /// Records a send with the id the provider gave the message (SMTP Message-ID, Twilio SID, FCM name), so its later
    /// delivery, bounce and complaint reports can be matched to it (<see cref="FindByProviderMessageIdAsync"/>).
    /// False when the lease is no longer this token's.
    /// </summary>
    Task<bool> MarkSentAsync(WorkspaceId workspace, long id, Guid leaseToken, Instant at, string? providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>The sent entry the provider knows by this id, in any workspace (provider reports carry no workspace); null when none.</summary>
    Task<OutboxEntry?> FindByProviderMessageIdAsync(string providerMessageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt: with <paramref name="retryAt"/> the entry is pending again from then, without
    /// it the entry is failed for good. False when the lease is no longer this token's.
    /// </summary>
    Task<bool> MarkFailedAsync(WorkspaceId workspace, long id, Guid leaseToken, string reason, Instant at, Instant? retryAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records several outcomes at once, each exactly as the single <c>Mark…Async</c> call would, in one write:
    /// one transaction (and on PostgreSQL one statement) instead of one commit per entry. Answers, in the order
    /// of <paramref name="marks"/>, whether each was recorded: false when its lease is no longer that token's.
    /// Nothing is reported before the write is durable; if it fails, none of the marks is recorded.
    /// A mark made with <see cref="OutboxMark.SentToInbox"/> also stores its inbox message in the same transaction,
    /// only when the mark is recorded; a send that already has an inbox message keeps it.
    /// </summary>
    /// <exception cref="ArgumentException">An entry appears twice (a claimed entry has one outcome).</exception>
    Task<IReadOnlyList<bool>> MarkManyAsync(IReadOnlyList<OutboxMark> marks, CancellationToken cancellationToken = default);

    /// <summary>The earliest time an entry becomes claimable (pending availability or lease expiry), so a dispatcher can sleep until then.</summary>
    Task<Instant?> EarliestDueAsync(CancellationToken cancellationToken = default);

    Task<OutboxEntry?> GetAsync(WorkspaceId workspace, long id, CancellationToken cancellationToken = default);

    /// <summary>A person's entries, oldest first (the "sends" of the profile and timeline).</summary>
    Task<IReadOnlyList<OutboxEntry>> ListForPersonAsync(WorkspaceId workspace, string personId, CancellationToken cancellationToken = default);
}
