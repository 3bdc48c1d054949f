using System.Security.Cryptography;
using System.Text;

namespace Trellis.Server.Recipients;

/// <summary>
/// Message ids for engagement events, derived from what they describe: the first open of a message is recorded,
/// later opens of the same message are duplicates the event log drops, and so are repeated clicks on one link.
/// </summary>
public static class EngagementIds
{
    public static string For(string kind, params string?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? ""))));
        return $"trellis-{kind}-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
