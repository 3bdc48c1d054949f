using System.Text;
using Microsoft.AspNetCore.Http;
using Trellis.Core.Journeys;
using Trellis.Server.Dashboard.Auth;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Storage;
using Trellis.Templates;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/templates</c>, <c>GET /dashboard/api/templates/{id}/preview?person=…</c> (every channel
/// section rendered with that person's data) and <c>…/preview/{channel}/html?person=…</c> (an email's HTML on
/// its own, for a sandboxed frame under a strict content policy).
/// </summary>
internal static class TemplatePreviewApi
{
    public static async Task<IResult> ListAsync(HttpContext context, WorkspaceContentRegistry registry)
    {
        var runtime = await registry.GetAsync(DashboardSessionReader.Of(context).Workspace, context.RequestAborted);
        var journeys = runtime.Compiled.Workspace.Journeys;
        return ApiResults.Ok(new
        {
            success = true,
            templates = runtime.Templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => new
            {
                id = t.Id,
                channels = t.Sections.Keys.Select(c => c.Name()).Order(StringComparer.Ordinal),
                usedBy = journeys.Where(j => j.Steps.OfType<SendStep>().Any(s => s.TemplateId == t.Id)).Select(j => j.Id),
            }),
        });
    }

    public static async Task<IResult> PreviewAsync(string id, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, TemplateRenderer renderer)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        var runtime = await registry.GetAsync(workspace, context.RequestAborted);
        if (!runtime.Templates.TryGetValue(id, out var template))
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no template '{id}' in this workspace");
        }

        var person = context.Request.Query["person"].ToString();
        var preview = person.Length == 0
            ? null
            : await PreviewModel.LoadAsync(store, workspace, person, id, runtime.Compiled.Workspace.Journeys, context.RequestAborted);
        if (person.Length > 0 && preview is null)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no person '{person}' in this workspace");
        }

        var model = preview?.Model ?? TemplateModel.Empty;
        var channels = template.Sections.Keys.OrderBy(c => c).Select(channel =>
        {
            try
            {
                var rendered = renderer.Render(template, channel, model);
                return new
                {
                    channel = channel.Name(),
                    parts = (IReadOnlyDictionary<string, string>?)rendered.Parts,
                    htmlUrl = rendered.Parts.ContainsKey("html")
                        ? $"/dashboard/api/templates/{Uri.EscapeDataString(id)}/preview/{channel.Name()}/html?person={Uri.EscapeDataString(person)}"
                        : null,
                    error = (string?)null,
                };
            }
            catch (TemplateRenderException e)
            {
                return new { channel = channel.Name(), parts = (IReadOnlyDictionary<string, string>?)null, htmlUrl = (string?)null, error = (string?)e.Message };
            }
        }).ToList();

        return ApiResults.Ok(new
        {
            success = true,
            template = id,
            person = person.Length == 0 ? null : person,
            journey = preview?.Journey,
            @event = preview?.Event is { } e ? new { name = e.EventName, timestamp = e.Timestamp.ToString(), sequence = e.Sequence, entering = preview.Entering } : null,
            channels,
        });
    }

    public static async Task<IResult> HtmlAsync(string id, string channel, HttpContext context, ITrellisStore store, WorkspaceContentRegistry registry, TemplateRenderer renderer)
    {
        var workspace = DashboardSessionReader.Of(context).Workspace;
        var runtime = await registry.GetAsync(workspace, context.RequestAborted);
        if (!runtime.Templates.TryGetValue(id, out var template) || !ChannelNames.TryParse(channel, out var parsed) || !template.Supports(parsed))
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no template '{id}' with a '{channel}' section in this workspace");
        }

        var person = context.Request.Query["person"].ToString();
        var preview = person.Length == 0 ? null : await PreviewModel.LoadAsync(store, workspace, person, id, runtime.Compiled.Workspace.Journeys, context.RequestAborted);
        try
        {
            var html = renderer.Render(template, parsed, preview?.Model ?? TemplateModel.Empty).Part("html");
            DashboardHeaders.ApplyPreview(context.Response);
            return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
        }
        catch (TemplateRenderException e)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, e.Message);
        }
    }
}
