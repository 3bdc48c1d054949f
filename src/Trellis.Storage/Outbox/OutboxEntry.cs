using NodaTime;

namespace Trellis.Storage;

/// <summary>An outbox entry as stored.</summary>
/// <param name="AvailableAt">Pending: when it may be sent. Claimed: when the lease expires.</param>
/// <param name="Attempts">How many times it has been claimed.</param>
/// <param name="LeaseToken">The token of the current lease: only its holder may record the outcome.</param>
/// <param name="ProviderMessageId">The provider's id for the message once sent (see <see cref="IOutbox.MarkSentAsync(WorkspaceId, long, Guid, NodaTime.Instant, string?, CancellationToken)"/>).</param>
public sealed record OutboxEntry(
    long Id,
    WorkspaceId Workspace,
    SendKey Key,
    string Channel,
    string PayloadJson,
    OutboxStatus Status,
    int Attempts,
    Instant AvailableAt,
    Guid? LeaseToken,
    string? LastError,
    Instant CreatedAt,
    Instant? CompletedAt,
    string? ProviderMessageId = null);
