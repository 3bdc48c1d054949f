namespace Trellis.Channels.Tokens;

/// <summary>
/// The keys tokens are checked against, and the one new tokens are signed with. Rotation: add a
/// new key and make it current; keep the old one until the tokens it signed have expired; then drop it.
/// </summary>
public sealed class SigningKeyRing
{
    private readonly Dictionary<string, SigningKey> keys;

    public SigningKeyRing(IEnumerable<SigningKey> keys, string currentKeyId)
    {
        this.keys = keys.ToDictionary(k => k.Id, StringComparer.Ordinal);
        Current = this.keys.TryGetValue(currentKeyId, out var current)
            ? current
            : throw new ArgumentException($"the current key '{currentKeyId}' is not in the ring", nameof(currentKeyId));
    }

    public SigningKey Current { get; }

    public bool TryGet(string id, out SigningKey key) => keys.TryGetValue(id, out key!);
}
