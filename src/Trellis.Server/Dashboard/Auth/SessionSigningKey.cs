using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// The HMAC key of session cookies: derived from <see cref="DashboardSettings.SessionKey"/> when configured
/// (so sessions survive restarts and work across processes), else random per process.
/// </summary>
public sealed class SessionSigningKey
{
    public const int MinimumConfiguredLength = 32;

    private readonly byte[] _key;

    public SessionSigningKey(DashboardSettings settings, ILogger<SessionSigningKey> logger)
    {
        if (string.IsNullOrWhiteSpace(settings.SessionKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogInformation("Dashboard sessions are signed with a per-process key: they end when the server restarts (set Trellis:Dashboard:SessionKey to keep them).");
        }
        else if (settings.SessionKey.Length < MinimumConfiguredLength)
        {
            throw new InvalidOperationException($"Trellis:Dashboard:SessionKey must have at least {MinimumConfiguredLength} characters.");
        }
        else
        {
            // Domain-separated, so the same text used elsewhere does not give the same key.
            _key = SHA256.HashData(Encoding.UTF8.GetBytes("trellis-dashboard-session\n" + settings.SessionKey));
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(_key, payload);

    public bool Verify(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Sign(payload), signature);
}
