using System.Net;

namespace Trellis.Dashboard.Tests;

/// <summary>An HTTP client holding a dashboard session cookie, and the session's anti-forgery token.</summary>
internal sealed record LoggedInClient(HttpClient Http, CookieContainer Cookies, string Csrf)
{
    public const string CsrfHeader = "X-Trellis-Csrf";

    public Task<HttpResponseMessage> PostAsync(string path, string? csrf = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (csrf is not null)
        {
            request.Headers.Add(CsrfHeader, csrf);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return Http.SendAsync(request);
    }
}
