using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Trellis.Server.Dashboard.Api;
using Trellis.Server.Dashboard.Assets;
using Trellis.Server.Dashboard.Auth;

namespace Trellis.Server.Dashboard;

/// <summary>
/// The dashboard's routes: pages (one HTML shell; the script draws each page from the JSON API), assets, login,
/// and the JSON API under <c>/dashboard/api/</c>. Pages and API need a session; assets hold no data and are
/// public so the login page can use them.
/// </summary>
public static class DashboardEndpoints
{
    public const string ApiPrefix = "/dashboard/api";
    public const string AssetPrefix = "/dashboard/assets";

    /// <summary>Every path the dashboard's script can draw.</summary>
    public static readonly string[] PageRoutes =
        ["/", "/journeys/{id}", "/people", "/people/{id}", "/templates", "/templates/{id}/preview", "/simulations"];

    public static IEndpointRouteBuilder MapTrellisDashboard(this IEndpointRouteBuilder app)
    {
        foreach (var route in PageRoutes)
        {
            app.MapGet(route, PageAsync);
        }

        app.MapGet(AssetPrefix + "/{name}", (string name, HttpContext context, DashboardAssets assets) =>
            assets.Find(name) is { } asset ? DashboardAssets.Serve(context, asset) : Results.NotFound());
        // A page of an older version asking for its assets gets the current ones, revalidated, never cached for good.
        app.MapGet(AssetPrefix + "/{version}/{name}", (string version, string name, HttpContext context, DashboardAssets assets) =>
            assets.Find(name) is { } asset ? DashboardAssets.Serve(context, asset, immutable: version == assets.Version) : Results.NotFound());
        LoginEndpoints.Map(app);

        var api = app.MapGroup(ApiPrefix).AddEndpointFilter<DashboardApiFilter>();
        api.MapGet("/session", SessionApi.Get);
        api.MapGet("/journeys", JourneyListApi.GetAsync);
        api.MapGet("/journeys/{id}", JourneyDetailApi.GetAsync);
        api.MapGet("/journeys/{id}/steps/{step}", JourneyDetailApi.StepAsync);
        api.MapPost("/journeys/{id}/publish", JourneyStatusApi.PublishAsync).AddEndpointFilter<AntiForgeryFilter>();
        api.MapPost("/journeys/{id}/pause", JourneyStatusApi.PauseAsync).AddEndpointFilter<AntiForgeryFilter>();
        api.MapGet("/people", PeopleApi.ListAsync);
        api.MapGet("/people/{id}", PeopleApi.GetAsync);
        api.MapGet("/templates", TemplatePreviewApi.ListAsync);
        api.MapGet("/templates/{id}/preview", TemplatePreviewApi.PreviewAsync);
        api.MapGet("/templates/{id}/preview/{channel}/html", TemplatePreviewApi.HtmlAsync);
        api.MapGet("/simulations", SimulationApi.List);
        api.MapGet("/simulations/{name}", SimulationApi.Get);
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext context, DashboardSessionReader sessions, DashboardAssets assets)
    {
        if (await sessions.ReadAsync(context) is null)
        {
            var target = context.Request.Path + context.Request.QueryString;
            return Results.Redirect("/login?next=" + Uri.EscapeDataString(target));
        }

        DashboardHeaders.ApplyPage(context.Response);
        return Results.Bytes(assets.Get("index.html").Content, "text/html; charset=utf-8");
    }
}
