namespace Trellis.Channels.Tokens;

/// <summary>What a recipient token asserts; every field is covered by the signature.</summary>
/// <param name="KeyId">The key that signed it.</param>
/// <param name="Subject">The person id.</param>
/// <param name="Extra">Purpose-specific data: for clicks, the destination URL that was in the message.</param>
/// <param name="Reference">The send it came from (its idempotency key), to attribute opens, clicks and unsubscribes to a step.</param>
public sealed record TokenClaims(
    string KeyId,
    TokenPurpose Purpose,
    string Workspace,
    string Subject,
    string? Extra,
    string? Reference,
    DateTimeOffset ExpiresAt);
