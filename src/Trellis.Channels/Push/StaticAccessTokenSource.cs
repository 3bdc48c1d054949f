namespace Trellis.Channels.Push;

/// <summary>Always the same token.</summary>
public sealed class StaticAccessTokenSource(string? token) : IAccessTokenSource
{
    public ValueTask<string?> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult(token);
}
