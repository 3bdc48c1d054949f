namespace Trellis.Channels.Tokens;

/// <summary>
/// Configuration section <c>Trellis:Tokens</c>: <c>CurrentKeyId</c> and <c>Keys:{id}</c> = base64
/// secret (at least 32 bytes). Rotate by adding a key and pointing CurrentKeyId at it.
/// </summary>
public sealed class TokenOptions
{
    public string CurrentKeyId { get; set; } = "";

    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public SigningKeyRing ToKeyRing() =>
        new(Keys.Select(k => new SigningKey(k.Key, Convert.FromBase64String(k.Value))), CurrentKeyId);
}
