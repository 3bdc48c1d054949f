using NodaTime;

namespace Trellis.Storage;

/// <summary>What the admin API shows of a person: traits and consent.</summary>
/// <param name="TraitsJson">A JSON object; PostgreSQL may return it re-formatted (jsonb), never changed in meaning.</param>
/// <param name="Consent">Latest statement per topic or channel, keyed by topic (ordinal).</param>
public sealed record PersonProfile(
    WorkspaceId Workspace,
    string PersonId,
    string TraitsJson,
    IReadOnlyDictionary<string, ConsentRecord> Consent,
    Instant CreatedAt,
    Instant UpdatedAt);
