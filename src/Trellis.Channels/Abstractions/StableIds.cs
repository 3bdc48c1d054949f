using System.Security.Cryptography;
using System.Text;

namespace Trellis.Channels;

/// <summary>Short ids derived from an idempotency key: the same logical send always gets the same id.</summary>
public static class StableIds
{
    public static string From(IdempotencyKey key, int bytes = 16) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Value)).AsSpan(0, bytes));
}
