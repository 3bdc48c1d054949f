namespace Trellis.Channels.Http;

/// <summary>
/// Runs one HTTP request for a sender and turns every way it can end into a
/// <see cref="DeliveryResult"/>, following the <see cref="IChannelSender"/> error contract.
/// </summary>
public static class HttpDelivery
{
    // Provider replies are small; a huge body is not worth buffering to show in an error.
    private const int MaxBodyChars = 64 * 1024;

    /// <param name="onSuccess">Reads the provider's message id out of a 2xx body.</param>
    /// <param name="onFailure">Provider-specific refinement of an error reply; null falls back to <see cref="HttpFailures.FromStatus"/>.</param>
    public static async Task<DeliveryResult> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        TimeProvider time,
        Func<HttpResponseMessage, string, DeliveryResult> onSuccess,
        Func<HttpResponseMessage, string, DeliveryFailed?>? onFailure,
        CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var body = await ReadBodyAsync(response, ct).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return onSuccess(response, body);
            }

            return onFailure?.Invoke(response, body) ?? HttpFailures.FromStatus(response, body, time);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw; // the caller gave up (or the attempt timed out): not ours to report
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return HttpFailures.FromException(e);
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }
}
