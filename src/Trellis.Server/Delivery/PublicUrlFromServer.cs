using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Trellis.Server.Delivery;

/// <summary>Once the server listens, makes its first address the public URL unless <c>Trellis:Urls:Public</c> is set.</summary>
internal sealed class PublicUrlFromServer(IServiceProvider services, IHostApplicationLifetime lifetime, PublicBaseUrl publicUrl) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is not null && addresses.FirstOrDefault() is { } first)
            {
                publicUrl.Adopt(first);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
