namespace Trellis.Server.Processing;

/// <summary>
/// What the engine worker puts in the outbox for one logical send: the message rendered at decision time, so
/// the dispatcher only delivers. <see cref="Error"/> is set when rendering failed (the send is recorded failed).
/// </summary>
public sealed record OutboxPayload
{
    public required string Journey { get; init; }

    public required string Step { get; init; }

    public required string Template { get; init; }

    public required string Channel { get; init; }

    public required int Instance { get; init; }

    public required bool Marketing { get; init; }

    public string? Address { get; init; }

    /// <summary>The signed one-click unsubscribe link, for email's List-Unsubscribe header; null for the other channels.</summary>
    public string? UnsubscribeUrl { get; init; }

    public IReadOnlyDictionary<string, string> Parts { get; init; } = new Dictionary<string, string>();

    public string? Error { get; init; }
}
