using Microsoft.Extensions.DependencyInjection;
using Trellis.Channels.Tracking;
using Trellis.Storage;
using Trellis.Templates;

namespace Trellis.Server.Processing;

/// <summary>
/// Registers the engine side of the server: content registry, work signal, composer and the engine worker.
/// Needs an <see cref="ITrellisStore"/> and a <see cref="TimeProvider"/> registered; <see cref="RecipientLinks"/>
/// is used when registered (without it, messages carry no unsubscribe link).
/// </summary>
public static class ProcessingServices
{
    public static IServiceCollection AddTrellisProcessing(this IServiceCollection services, string? contentFolder)
    {
        services.AddSingleton(sp => new WorkspaceContentRegistry(sp.GetRequiredService<ITrellisStore>(), contentFolder));
        services.AddSingleton<WorkSignal>();
        services.AddSingleton<EngineWorkerStats>();
        services.AddSingleton<EngineBacklog>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton(sp => new SendComposer(sp.GetRequiredService<TemplateRenderer>(), sp.GetService<RecipientLinks>()));
        services.AddHostedService<EngineWorker>();
        return services;
    }
}
