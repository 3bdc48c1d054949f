using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Trellis.Server.Health;

/// <summary>
/// Times every request into <see cref="ServerMetrics.RequestDuration"/>, labelled by the route pattern (not the
/// raw path, so ids in URLs do not create a series each) and the status code.
/// </summary>
internal sealed class RequestTimingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServerMetrics _metrics;

    public RequestTimingMiddleware(RequestDelegate next, ServerMetrics metrics)
    {
        _next = next;
        _metrics = metrics;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var labels = string.Join(",",
                PrometheusText.Label("method", context.Request.Method),
                PrometheusText.Label("route", route),
                PrometheusText.Label("status", context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            _metrics.RequestDuration.Observe(labels, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
