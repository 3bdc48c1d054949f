using System.Text.Json;

namespace Trellis.Channels.Tests.Support;

/// <summary>A message as the SMTP sink stored it: the parsed MIME tree plus the SMTP envelope.</summary>
public sealed record ReceivedEmail(MimeEntity Message, IReadOnlyList<string> RcptTo, string? AuthUser, string Raw)
{
    public string? Header(string name) => Message.Header(name);

    public static ReceivedEmail Parse(string raw, string envelopeJson)
    {
        using var envelope = JsonDocument.Parse(envelopeJson);
        var root = envelope.RootElement;
        var rcpt = root.TryGetProperty("rcptTo", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        var user = root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        return new ReceivedEmail(MimeEntity.Parse(raw), rcpt, user, raw);
    }
}
