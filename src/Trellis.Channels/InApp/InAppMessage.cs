namespace Trellis.Channels.InApp;

/// <summary>One message in a person's in-app inbox.</summary>
public sealed record InAppMessage
{
    public required string Id { get; init; }

    public required string Workspace { get; init; }

    public required string PersonId { get; init; }

    public required string Title { get; init; }

    public string Body { get; init; } = "";

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; init; }

    /// <summary>The logical send that produced it; the inbox keeps one message per send.</summary>
    public required string SendId { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public bool IsRead => ReadAt is not null;
}
