using System.Security.Cryptography;
using System.Text;

namespace Trellis.Storage;

/// <summary>
/// Lower-case hex SHA-256 of a string's UTF-8 bytes. Used for API keys (stored only as hashes: the keys
/// are random 32-byte secrets, so an unsalted fast hash is enough) and for erased person ids (tombstones
/// that refuse late events without keeping the id itself).
/// </summary>
public static class Sha256Hex
{
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }
}
