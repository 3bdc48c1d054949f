using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trellis.Core.Journeys;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Templates;

namespace Trellis.Server.Admin;

/// <summary>
/// <c>POST /api/templates/{id}/preview</c> (SPEC §7): renders a template of the workspace's content with the
/// profile and event given in the body, with the renderer sends use, and returns the parts of each channel
/// section (or of the one asked for). 404 for an unknown template, 400 for a bad body or a channel the template
/// has no section for, 422 with the renderer's message when the template fails to render with that data.
/// </summary>
internal static class TemplateEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapPost("/templates/{id}/preview", PreviewAsync);

    private static async Task<IResult> PreviewAsync(string id, HttpContext context, WorkspaceContentRegistry registry, TemplateRenderer renderer)
    {
        var runtime = await registry.GetAsync(AdminWorkspace.Of(context), context.RequestAborted);
        if (!runtime.Templates.TryGetValue(id, out var template))
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no template '{id}' in this workspace");
        }

        TemplatePreviewRequest request;
        try
        {
            request = await TemplatePreviewRequest.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (RequestRejectedException e)
        {
            return ApiResults.Error(e.Status, e.Message);
        }

        if (request.Channel is { } wanted && !template.Supports(wanted))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"template '{id}' has no '{wanted.Name()}' section");
        }

        var channels = request.Channel is { } only ? [only] : template.Sections.Keys.Order().ToList();
        var rendered = new List<object>(channels.Count);
        var errors = new List<string>();
        foreach (var channel in channels)
        {
            try
            {
                rendered.Add(new { channel = channel.Name(), parts = renderer.Render(template, channel, request.Model).Parts });
            }
            catch (TemplateRenderException e)
            {
                errors.Add(e.Message);
            }
        }

        return errors.Count > 0
            ? ApiResults.ValidationFailed($"template '{id}' does not render with this data", errors)
            : ApiResults.Ok(new { success = true, template = id, channels = rendered });
    }
}
