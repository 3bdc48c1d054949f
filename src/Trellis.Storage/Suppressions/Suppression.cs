using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// An address that must not be sent to on a channel (hard bounce, complaint, manual). Addresses are
/// compared after <see cref="NormalizeAddress"/>, so "Ada@Example.com " and "ada@example.com" are one.
/// </summary>
public sealed record Suppression(string Channel, string Address, string Reason, Instant At)
{
    /// <summary>Trims and lower-cases ASCII letters only, so every backend and the engine agree byte for byte.</summary>
    public static string NormalizeAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
        });
    }
}
