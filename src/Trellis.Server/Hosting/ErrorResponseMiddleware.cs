using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Trellis.Storage;

namespace Trellis.Server.Hosting;

/// <summary>
/// Last line of defence: an exception no endpoint handled still becomes a JSON error, 503 with Retry-After when
/// storage says a retry can succeed (busy, lost connection), else 500 without internals in the body.
/// </summary>
internal sealed class ErrorResponseMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ILogger<ErrorResponseMiddleware> _logger;

    public ErrorResponseMiddleware(RequestDelegate next, ILogger<ErrorResponseMiddleware> logger)
    {
        _next = next;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await _next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var transient = e is StorageException { IsTransient: true };
            _logger.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            if (transient)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            var result = ApiResults.Error(
                transient ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
                transient ? "storage is busy, retry shortly" : "internal error (see the server log)");
            await result.ExecuteAsync(context);
        }
    }
}
