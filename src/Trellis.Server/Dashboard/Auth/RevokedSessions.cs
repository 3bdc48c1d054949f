using System.Collections.Concurrent;
using NodaTime;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Sessions ended by logout before their expiry, kept until they would have expired anyway. In memory: a
/// cookie copied before logout stays refused in this process; other processes see it until it expires.
/// </summary>
public sealed class RevokedSessions
{
    private const int PurgeThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Instant> _revoked = new(StringComparer.Ordinal);

    public void Revoke(DashboardSession session, Instant now)
    {
        if (_revoked.Count >= PurgeThreshold)
        {
            foreach (var (id, expires) in _revoked)
            {
                if (expires <= now)
                {
                    _revoked.TryRemove(id, out _);
                }
            }
        }

        _revoked[session.Id] = session.ExpiresAt;
    }

    public bool IsRevoked(DashboardSession session) => _revoked.ContainsKey(session.Id);
}
