using System.Security.Cryptography;
using System.Text;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Short digests of the credential a session was made with (see <see cref="DashboardSession.Stamp"/>). Only a
/// digest goes into the cookie: it must not reveal the password or the stored key hash.
/// </summary>
internal static class SessionStamps
{
    public const string KeySubject = "key";
    public const string UserPrefix = "user:";

    public static string ForKey(string secretKeyHash) => Digest("key\n" + secretKeyHash);

    public static string ForUser(string user, string password) => Digest("user\n" + user + "\n" + password);

    private static string Digest(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("trellis-dashboard-stamp\n" + text)))[..24];
}
