namespace Trellis.Channels.Tokens;

/// <summary>A named HMAC key. The id travels in each token so verification picks the key that signed it.</summary>
public sealed class SigningKey
{
    public const int MinimumSecretBytes = 32;

    public SigningKey(string id, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"a signing key needs at least {MinimumSecretBytes} bytes of secret", nameof(secret));
        }

        Id = id;
        Secret = secret.ToArray();
    }

    public string Id { get; }

    internal byte[] Secret { get; }
}
