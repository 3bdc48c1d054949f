using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Recipients;

/// <summary>
/// The small HTML pages recipients see. Plain, self-contained (no scripts, no external assets), every dynamic
/// text HTML-encoded; never cached, never indexed, and without a Referer, because the URL carries the token.
/// </summary>
public sealed class RecipientPage(int status, string title, string bodyHtml) : IResult
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string BodyHtml { get; } = bodyHtml;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(Title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}")
            .Append("button{font-size:1rem;padding:.5rem 1rem;margin:.25rem 0}label{display:block;margin:.4rem 0}")
            .Append("fieldset{border:1px solid #ccc;margin:1rem 0}</style></head><body>")
            .Append("<h1>").Append(Encode(Title)).Append("</h1>")
            .Append(BodyHtml)
            .Append("</body></html>")
            .ToString();
        await response.WriteAsync(html, httpContext.RequestAborted);
    }
}
