using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Checks login credentials — the workspace's secret key, or the configured user and password — and makes the
/// session; later, checks that a session's credential is still the current one.
/// </summary>
public sealed class DashboardAuthenticator(
    WorkspaceKeyLookup keys,
    ITrellisStore store,
    DashboardSettings settings,
    TrellisSettings trellis,
    IClock clock)
{
    public async Task<DashboardSession?> SignInAsync(string? secretKey, string? user, string? password, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(secretKey))
        {
            var workspace = await keys.FindAsync(KeyKind.Secret, secretKey.Trim(), cancellationToken);
            if (workspace is null || await store.Workspaces.GetAsync(workspace.Value, cancellationToken) is not { } record)
            {
                return null;
            }

            return NewSession(workspace.Value, SessionStamps.KeySubject, SessionStamps.ForKey(record.SecretKeyHash));
        }

        if (ConfiguredUserMatches(user, password))
        {
            return NewSession(new WorkspaceId(trellis.DefaultWorkspace), SessionStamps.UserPrefix + settings.User,
                SessionStamps.ForUser(settings.User!, settings.Password!));
        }

        return null;
    }

    /// <summary>False when the key was rotated or the configured user or password changed since the login.</summary>
    public async Task<bool> IsCurrentAsync(DashboardSession session, CancellationToken cancellationToken)
    {
        if (session.Subject == SessionStamps.KeySubject)
        {
            var record = await store.Workspaces.GetAsync(session.Workspace, cancellationToken);
            return record is not null && FixedTimeEquals(SessionStamps.ForKey(record.SecretKeyHash), session.Stamp);
        }

        return session.Subject.StartsWith(SessionStamps.UserPrefix, StringComparison.Ordinal)
            && settings.User is { Length: > 0 } u && settings.Password is { Length: > 0 } p
            && session.Subject == SessionStamps.UserPrefix + u
            && FixedTimeEquals(SessionStamps.ForUser(u, p), session.Stamp);
    }

    private bool ConfiguredUserMatches(string? user, string? password)
    {
        if (settings.User is not { Length: > 0 } expectedUser || settings.Password is not { Length: > 0 } expectedPassword
            || user is null || password is null)
        {
            return false;
        }

        // Both compared in full, always, so the time taken says nothing about which one was wrong.
        var userMatches = FixedTimeEquals(user, expectedUser);
        var passwordMatches = FixedTimeEquals(password, expectedPassword);
        return userMatches & passwordMatches;
    }

    private DashboardSession NewSession(WorkspaceId workspace, string subject, string stamp)
    {
        var now = clock.GetCurrentInstant();
        var hours = settings.SessionHours is > 0 and <= 24 * 30 ? settings.SessionHours : 12;
        return new DashboardSession(
            Base64Url.Encode(RandomNumberGenerator.GetBytes(16)),
            workspace,
            subject,
            Base64Url.Encode(RandomNumberGenerator.GetBytes(24)),
            now,
            now + Duration.FromSeconds(Math.Round(hours * 3600)),
            stamp);
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
