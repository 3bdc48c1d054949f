namespace Trellis.Channels.Tests.Support;

/// <summary>A request as a fake provider saw it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    IReadOnlyDictionary<string, string> Form)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
