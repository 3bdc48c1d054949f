using Microsoft.AspNetCore.Http;
using Trellis.Channels.Tokens;

namespace Trellis.Server.Recipients;

/// <summary>
/// Checks a recipient token for one purpose. Refusals get a plain page and nothing is recorded: 404 when the
/// token is not one of ours for this page (malformed, unknown key, bad signature, wrong purpose — one answer for
/// all, so a forger learns nothing), 400 when it is genuine but expired.
/// </summary>
public sealed class RecipientTokenGate(RecipientTokens tokens)
{
    public bool TryOpen(string? token, TokenPurpose purpose, out TokenClaims claims, out IResult refusal)
    {
        var verification = tokens.Verify(token, purpose);
        if (verification is { IsValid: true, Claims: { } valid } && IsUsable(valid))
        {
            claims = valid;
            refusal = null!;
            return true;
        }

        claims = null!;
        refusal = verification.Refusal == TokenRefusal.Expired
            ? new RecipientPage(StatusCodes.Status400BadRequest, "This link has expired",
                "<p>Links in messages stop working after a while. The link in a more recent message will work.</p>")
            : new RecipientPage(StatusCodes.Status404NotFound, "This link is not valid",
                "<p>The link may have been cut short or changed. Please use the link exactly as it appears in the message.</p>");
        return false;
    }

    /// <summary>A token we signed always has a workspace and a person; this guards against our own bugs, not forgers.</summary>
    private static bool IsUsable(TokenClaims claims) =>
        !string.IsNullOrWhiteSpace(claims.Workspace) && claims.Workspace.Length <= Storage.WorkspaceId.MaxLength && !string.IsNullOrEmpty(claims.Subject);
}
