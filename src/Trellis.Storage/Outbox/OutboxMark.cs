using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage;

/// <summary>
/// One outcome to record with <see cref="IOutbox.MarkManyAsync"/>, under the lease token it was claimed with:
/// the same three outcomes as <see cref="IOutbox.MarkSentAsync(WorkspaceId, long, Guid, Instant, string?, CancellationToken)"/>
/// and <see cref="IOutbox.MarkFailedAsync"/>, so a batch records exactly what the single calls would.
/// </summary>
public sealed record OutboxMark
{
    private OutboxMark(WorkspaceId workspace, long id, Guid leaseToken, OutboxOutcome outcome, Instant at)
    {
        if (workspace.Value is null)
        {
            throw new ArgumentException("A workspace id is required (got default(WorkspaceId)).", nameof(workspace));
        }

        Workspace = workspace;
        Id = id;
        LeaseToken = leaseToken;
        Outcome = outcome;
        At = at;
    }

    public WorkspaceId Workspace { get; }

    public long Id { get; }

    public Guid LeaseToken { get; }

    public OutboxOutcome Outcome { get; }

    /// <summary>When it happened: the completion time of a sent or failed entry.</summary>
    public Instant At { get; }

    /// <summary>Sent only: the provider's id for the message, or null.</summary>
    public string? ProviderMessageId { get; private init; }

    /// <summary>Retry and failed: why (stored as the entry's last error).</summary>
    public string? Reason { get; private init; }

    /// <summary>Retry only: when the entry becomes claimable again.</summary>
    public Instant? RetryAt { get; private init; }

    /// <summary>
    /// Sent to the in-app inbox only: the message the send puts in the person's inbox, stored in the same
    /// transaction as the mark and only if the mark is recorded (see <see cref="SentToInbox"/>).
    /// </summary>
    public InboxMessage? Inbox { get; private init; }

    public static OutboxMark Sent(WorkspaceId workspace, long id, Guid leaseToken, Instant at, string? providerMessageId = null) =>
        new(workspace, id, leaseToken, OutboxOutcome.Sent, at) { ProviderMessageId = providerMessageId };

    /// <summary>
    /// An in-app send, delivered by the mark itself: the inbox lives in the same store as the outbox, so the message
    /// and the sent mark commit together — no window in which one exists without the other, and no separate write per
    /// message. The message's id is recorded as the provider's id. Like <see cref="IInboxStore.AddAsync"/>, a send that
    /// already has a message in the inbox keeps the first one.
    /// </summary>
    public static OutboxMark SentToInbox(WorkspaceId workspace, long id, Guid leaseToken, Instant at, InboxMessage message)
    {
        InboxArguments.RequireMessage(message);
        return new(workspace, id, leaseToken, OutboxOutcome.Sent, at) { ProviderMessageId = message.Id, Inbox = message };
    }

    public static OutboxMark Retry(WorkspaceId workspace, long id, Guid leaseToken, string reason, Instant at, Instant retryAt) =>
        new(workspace, id, leaseToken, OutboxOutcome.Retry, at) { Reason = reason ?? throw new ArgumentNullException(nameof(reason)), RetryAt = retryAt };

    public static OutboxMark Failed(WorkspaceId workspace, long id, Guid leaseToken, string reason, Instant at) =>
        new(workspace, id, leaseToken, OutboxOutcome.Failed, at) { Reason = reason ?? throw new ArgumentNullException(nameof(reason)) };
}
