using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Server.Dashboard.Activity;
using Trellis.Server.Dashboard.Api;
using Trellis.Server.Dashboard.Assets;
using Trellis.Server.Dashboard.Auth;
using Trellis.Storage;

namespace Trellis.Server.Dashboard;

/// <summary>
/// Registers the dashboard: login and sessions, assets, page data caches, and the live counters — including a
/// wrapper around the registered <see cref="ITrellisStore"/> whose work units report their commits to the
/// counters. Call after the store is registered.
/// </summary>
public static class DashboardServices
{
    public static IServiceCollection AddTrellisDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DashboardSettings.SectionName).Get<DashboardSettings>() ?? new DashboardSettings();
        services.AddSingleton(settings);
        services.AddSingleton<SessionSigningKey>();
        services.AddSingleton<DashboardAuthenticator>();
        services.AddSingleton<RevokedSessions>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<DashboardSessionReader>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<JourneyViewCache>();
        services.AddSingleton<PeopleCount>();
        services.AddSingleton<SimulationFolder>();
        services.AddSingleton<JourneyActivity>();
        services.AddHostedService<ActivityRebuilder>();
        ObserveCommits(services);
        return services;
    }

    private static void ObserveCommits(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ITrellisStore) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("Register the ITrellisStore before calling AddTrellisDashboard.");
        services.Remove(original);
        services.AddSingleton<ITrellisStore>(sp =>
        {
            var inner = original.ImplementationInstance as ITrellisStore
                ?? original.ImplementationFactory?.Invoke(sp) as ITrellisStore
                ?? (ITrellisStore)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
            return new CommitObservingStore(inner, new ObservedWorkQueue(inner.Work, sp.GetRequiredService<JourneyActivity>()));
        });
    }
}
