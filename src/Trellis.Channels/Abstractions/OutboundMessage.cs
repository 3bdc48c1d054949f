using Trellis.Core.Journeys;

namespace Trellis.Channels;

/// <summary>A message rendered and ready to deliver: who, where, what, and under which logical send.</summary>
public sealed record OutboundMessage
{
    public required string Workspace { get; init; }

    public required string PersonId { get; init; }

    public required Channel Channel { get; init; }

    /// <summary>The logical send (workspace/person/instance/step); stable across retries.</summary>
    public required IdempotencyKey IdempotencyKey { get; init; }

    /// <summary>Rendered template parts by name; see <see cref="MessageParts"/> for the names per channel.</summary>
    public required IReadOnlyDictionary<string, string> Parts { get; init; }

    /// <summary>
    /// Where it goes: email address, E.164 phone number, push token or postal address. Null for
    /// channels that need none (in_app, webhook, task).
    /// </summary>
    public string? Address { get; init; }

    /// <summary>Marketing (consent-bound) rather than transactional; email adds one-click unsubscribe headers.</summary>
    public bool IsMarketing { get; init; }

    /// <summary>The recipient's signed one-click unsubscribe URL (https); required for marketing email.</summary>
    public Uri? UnsubscribeUrl { get; init; }

    /// <summary>Extra protocol headers (email headers, webhook HTTP headers); reserved names are ignored.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = EmptyStrings;

    /// <summary>Key/value data carried along: push "data", webhook and task context, inbox metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyStrings;

    /// <summary>A rendered part, or null when the template left it out or rendered it empty.</summary>
    public string? Part(string name) =>
        Parts.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static readonly IReadOnlyDictionary<string, string> EmptyStrings =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
