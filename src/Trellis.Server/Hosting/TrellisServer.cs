using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Server.Admin;
using Trellis.Server.Auth;
using Trellis.Server.Dashboard;
using Trellis.Server.Delivery;
using Trellis.Server.Health;
using Trellis.Server.Ingestion;
using Trellis.Server.Processing;
using Trellis.Server.Recipients;
using Trellis.Storage;

namespace Trellis.Server.Hosting;

/// <summary>
/// <c>trellis serve</c> (SPEC §7): Segment-compatible ingestion, the admin API, health and metrics, on one
/// ASP.NET Core app in the CLI's process. <see cref="BuildAppAsync"/> opens storage and prepares the default
/// workspace before anything listens, so the first request already finds keys and journeys.
/// </summary>
public static class TrellisServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        await using var app = await BuildAppAsync(new TrellisServerOptions { Args = args }, cancellationToken);
        await app.RunAsync();
        return 0;
    }

    private const string NoConfigReload = "--hostBuilder:reloadConfigOnChange=false";

    public static async Task<WebApplication> BuildAppAsync(TrellisServerOptions options, CancellationToken cancellationToken = default)
    {
        var contentRoot = Path.GetFullPath(options.ContentRoot ?? Directory.GetCurrentDirectory());
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // No reload of appsettings.json on change: it watches the whole content root, recursively, and the
            // SQLite file lives under it (./data), so every WAL write woke a file-watcher thread that allocated
            // for each event (~3 % of the CPU of a timers run). Nothing re-reads configuration after start-up.
            // First, so that an explicit --hostBuilder:reloadConfigOnChange=true still wins.
            Args = [NoConfigReload, .. options.Args],
            ContentRootPath = contentRoot,
        });
        ConfigurationDefaults.AddTo(builder.Configuration);
        builder.Configuration.AddInMemoryCollection(options.Settings);
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Endpoints enforce their own, smaller limits while reading; this only caps what Kestrel drains.
            kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
            kestrel.AddServerHeader = false;
        });

        var settings = builder.Configuration.GetSection(TrellisSettings.SectionName).Get<TrellisSettings>() ?? new TrellisSettings();
        var clock = options.Clock ?? SystemClock.Instance;
        var store = await StoreOpener.OpenAsync(settings.Storage, contentRoot, cancellationToken);
        try
        {
            var content = ContentFolder.Resolve(settings.Content, contentRoot);
            AddServices(builder.Services, settings, store, content, clock, options.StartEngine);
            builder.Services.AddTrellisDelivery(builder.Configuration);
            builder.Services.AddTrellisDashboard(builder.Configuration);
            options.Services?.Invoke(builder.Services);
            var app = builder.Build();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Trellis.Server");
            var workspace = await DefaultWorkspaceBootstrap.EnsureAsync(store, settings, clock, options.Console ?? Console.Out, cancellationToken);
            await ContentJourneySeeder.SeedAsync(store, workspace, content, clock, logger, cancellationToken);
            foreach (var each in await store.Workspaces.ListAsync(cancellationToken))
            {
                await app.Services.GetRequiredService<WorkspaceContentRegistry>().ReloadAsync(each.Id, cancellationToken);
            }

            MapEndpoints(app);
            return app;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static void AddServices(IServiceCollection services, TrellisSettings settings, ITrellisStore store, ContentFolder content, IClock clock, bool startEngine)
    {
        // A factory registration, so the container disposes the store when the app is disposed.
        services.AddSingleton<ITrellisStore>(_ => store);
        services.AddSingleton(settings);
        services.AddSingleton(content);
        services.AddSingleton(clock);
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<WorkspaceKeyLookup>();
        services.AddSingleton<SecretKeyFilter>();
        services.AddSingleton<SegmentIngestionHandler>();
        services.AddSingleton<IngestionAdmission>();
        services.AddSingleton(TimeProvider.System);
        services.AddTrellisProcessing(content.Path);
        if (!startEngine)
        {
            // Tests of the HTTP side alone: everything but the worker loop.
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EngineWorker)));
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseMiddleware<RequestTimingMiddleware>();
        app.UseMiddleware<ErrorResponseMiddleware>();
        app.UseRouting();
        IngestionEndpoints.Map(app);
        AdminEndpoints.Map(app);
        HealthEndpoints.Map(app);
        app.MapTrellisRecipients();
        app.MapTrellisDashboard();
    }
}
