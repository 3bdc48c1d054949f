using Trellis.Core.Journeys;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Delivery;

/// <summary>
/// A claimed outbox entry read and checked as part of its batch (<see cref="OutboxEntryDelivery.PrepareAsync"/>):
/// its payload, and why it must not be sent, if it must not.
/// </summary>
/// <param name="Payload">Null when the payload is not readable (then <paramref name="Problem"/> says so).</param>
/// <param name="Problem">Why it cannot be sent at all (unreadable, not rendered, unknown channel): failed for good.</param>
/// <param name="Cancellation">Why it may no longer be sent (suppressed, journey paused, consent withdrawn): cancelled.</param>
public sealed record ClaimedSend(OutboxEntry Entry, OutboxPayload? Payload, Channel Channel, string? Problem, string? Cancellation);
