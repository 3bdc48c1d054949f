using NodaTime;

namespace Trellis.Storage;

/// <summary>A workspace with the hashes of its keys (see <see cref="Sha256Hex"/>); the keys themselves are never stored.</summary>
public sealed record WorkspaceRecord(
    WorkspaceId Id,
    string Name,
    string WriteKeyHash,
    string SecretKeyHash,
    Instant CreatedAt,
    Instant KeysUpdatedAt);
