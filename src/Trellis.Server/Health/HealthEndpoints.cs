using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Health;

/// <summary>
/// <c>GET /healthz</c> (200 <c>{"status":"ok"}</c> when storage answers, 503 otherwise) and <c>GET /metrics</c>
/// (Prometheus text). Neither needs a key: they carry no personal data, and probes and scrapers have none.
/// </summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync);
        app.MapGet("/metrics", (ServerMetrics metrics) =>
            Results.Text(metrics.ToPrometheusText(), PrometheusText.ContentType));
    }

    private static async Task<IResult> CheckAsync(ITrellisStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            await store.Workspaces.ListAsync(timeout.Token);
            return ApiResults.Ok(new { status = "ok" });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger("Trellis.Server.Health").LogWarning(e, "Health check: storage is not reachable");
            return Results.Json(new { status = "unavailable", error = "storage is not reachable: " + e.Message }, ApiResults.Json,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
