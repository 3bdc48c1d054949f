using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Trellis.Core.Engine;

/// <summary>
/// Deterministic assignment (SPEC §3): u(k) = first 8 bytes of SHA-256(UTF-8 k), big-endian, divided by 2^64.
/// The same person always lands in the same holdout and split arm, on every machine and every replay.
/// </summary>
public static class Assignment
{
    private const double TwoTo64 = 18446744073709551616.0;

    public static double Unit(string key)
    {
        var byteCount = Encoding.UTF8.GetByteCount(key);
        Span<byte> utf8 = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / TwoTo64;
    }

    /// <summary>Whether the person is in the journey's control group: u("{journey}:{user}") &lt; percent / 100.</summary>
    public static bool InHoldout(string journey, string user, double percent) =>
        percent > 0 && Unit(journey + ":" + user) < percent / 100.0;

    /// <summary>The index of the first arm whose cumulative weight share exceeds u("{journey}:{step}:{user}").</summary>
    public static int PickArm(string journey, string step, string user, IReadOnlyList<double> weights)
    {
        var u = Unit(journey + ":" + step + ":" + user);
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            if (cumulative / total > u)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }
}
