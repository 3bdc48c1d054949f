using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// A signed-in dashboard user, as carried (signed) in the session cookie.
/// </summary>
/// <param name="Id">Random id: lets logout revoke this one session before it expires.</param>
/// <param name="Subject"><c>key</c> for a secret-key login, <c>user:NAME</c> for the configured user.</param>
/// <param name="Csrf">The anti-forgery token that state-changing calls must echo in a header.</param>
/// <param name="Stamp">
/// A digest of the credential used (the workspace's key hash, or the configured user and password): a rotated
/// key or a changed password ends every session made with the old one.
/// </param>
public sealed record DashboardSession(
    string Id,
    WorkspaceId Workspace,
    string Subject,
    string Csrf,
    Instant IssuedAt,
    Instant ExpiresAt,
    string Stamp);
