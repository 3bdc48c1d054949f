namespace Trellis.Channels;

/// <summary>
/// Delivers one rendered message on one channel. The extension point for every channel and provider.
/// </summary>
/// <remarks>
/// <para><b>Error contract.</b> An implementation never throws for a provider problem: a timeout, a
/// refused connection, an HTTP or SMTP error reply, an invalid address, a refused network target or
/// missing content all come back as a <see cref="DeliveryFailed"/> whose
/// <see cref="DeliveryFailed.Reason"/> says what happened and whose
/// <see cref="DeliveryFailed.IsTransient"/> says whether sending the same message again later can
/// succeed:</para>
/// <list type="bullet">
/// <item>transient — timeout, HTTP 429 (with <see cref="DeliveryFailed.RetryAfter"/> taken from the
/// Retry-After header), 5xx / SMTP 4xx, connection refused or reset, circuit open, local rate limit;</item>
/// <item>permanent — HTTP 4xx other than 408/429, SMTP 5xx, an invalid address, a refused target,
/// missing content or configuration.</item>
/// </list>
/// <para>A successful send returns <see cref="Delivered"/> with the provider's message id (for SMTP,
/// the Message-ID header; for files and the inbox, a local id).</para>
/// <para>Only two things may escape as exceptions: <see cref="OperationCanceledException"/> when the
/// caller's <c>ct</c> is cancelled (the caller gave up; that is not a provider outcome), and
/// argument errors for a null message (a programming error).</para>
/// <para><b>Idempotency.</b> <see cref="OutboundMessage.IdempotencyKey"/> names the logical send; the
/// same key may be sent more than once (retries, a crash between send and record). Implementations
/// pass it to providers that de-duplicate and derive stable provider-visible ids from it.</para>
/// </remarks>
public interface IChannelSender
{
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct);
}
