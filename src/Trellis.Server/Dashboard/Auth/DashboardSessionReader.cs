using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// The request's dashboard session: a valid, unexpired, unrevoked cookie whose credential is still current;
/// else null. Read once per request and kept in <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class DashboardSessionReader(
    SessionSigningKey key,
    RevokedSessions revoked,
    DashboardAuthenticator authenticator,
    IClock clock)
{
    private static readonly object ItemKey = new();

    public async Task<DashboardSession?> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return cached as DashboardSession;
        }

        var session = SessionCookie.Decode(context.Request.Cookies[SessionCookie.Name], key, clock.GetCurrentInstant());
        if (session is not null && (revoked.IsRevoked(session) || !await authenticator.IsCurrentAsync(session, context.RequestAborted)))
        {
            session = null;
        }

        context.Items[ItemKey] = session;
        return session;
    }

    /// <summary>The session of a request that passed <see cref="DashboardApiFilter"/> (or a page guard).</summary>
    public static DashboardSession Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is DashboardSession session
            ? session
            : throw new InvalidOperationException("The request did not pass the dashboard session check.");
}
