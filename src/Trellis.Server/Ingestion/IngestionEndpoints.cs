using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>The Segment HTTP Tracking API: <c>POST /v1/{identify|track|page|screen|group|alias|batch}</c>.</summary>
internal static class IngestionEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            app.MapPost("/v1/" + SegmentCallKinds.Name(kind), (HttpContext context, SegmentIngestionHandler handler) => handler.HandleAsync(context, kind));
        }

        app.MapPost("/v1/batch", (HttpContext context, SegmentIngestionHandler handler) => handler.HandleAsync(context, null));
    }
}
