namespace Trellis.Channels.Tokens;

/// <summary>The result of checking a token: its claims, or why it was refused.</summary>
public sealed record TokenVerification(TokenClaims? Claims, TokenRefusal? Refusal)
{
    public bool IsValid => Claims is not null;

    public static TokenVerification Valid(TokenClaims claims) => new(claims, null);

    public static TokenVerification Refused(TokenRefusal refusal) => new(null, refusal);
}
