using System.Text;
using System.Text.Json;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// The session cookie's value: <c>v1.{payload}.{signature}</c>, the payload base64url JSON, the signature an
/// HMAC-SHA256 over the payload text. Nothing is stored on the server (apart from revocations), so any
/// process with the same signing key accepts it. A cookie that is malformed, forged or expired reads as none.
/// </summary>
public static class SessionCookie
{
    public const string Name = "trellis_session";

    private const string Version = "v1";

    public static string Encode(DashboardSession session, SessionSigningKey key)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("sid", session.Id);
            w.WriteString("ws", session.Workspace.Value);
            w.WriteString("sub", session.Subject);
            w.WriteString("csrf", session.Csrf);
            w.WriteNumber("iat", session.IssuedAt.ToUnixTimeSeconds());
            w.WriteNumber("exp", session.ExpiresAt.ToUnixTimeSeconds());
            w.WriteString("stamp", session.Stamp);
            w.WriteEndObject();
        }

        var payload = Base64Url.Encode(buffer.ToArray());
        var signature = Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(payload)));
        return $"{Version}.{payload}.{signature}";
    }

    public static DashboardSession? Decode(string? value, SessionSigningKey key, Instant now)
    {
        var parts = value?.Split('.');
        if (parts is not { Length: 3 } || parts[0] != Version || Base64Url.Decode(parts[2]) is not { } signature
            || !key.Verify(Encoding.ASCII.GetBytes(parts[1]), signature) || Base64Url.Decode(parts[1]) is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var session = new DashboardSession(
                root.GetProperty("sid").GetString()!,
                new WorkspaceId(root.GetProperty("ws").GetString()!),
                root.GetProperty("sub").GetString()!,
                root.GetProperty("csrf").GetString()!,
                Instant.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                Instant.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                root.GetProperty("stamp").GetString()!);
            return session.ExpiresAt > now ? session : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // Signed by us but unreadable: only an older format could do that; treat it as no session.
            return null;
        }
    }
}
