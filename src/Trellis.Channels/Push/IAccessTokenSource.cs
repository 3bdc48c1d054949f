namespace Trellis.Channels.Push;

/// <summary>Supplies the bearer token for each push request (FCM tokens expire hourly, so it is asked every time).</summary>
public interface IAccessTokenSource
{
    ValueTask<string?> GetTokenAsync(CancellationToken ct);
}
