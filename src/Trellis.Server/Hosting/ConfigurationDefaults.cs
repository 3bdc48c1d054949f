using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Trellis.Server.Hosting;

/// <summary>
/// Defaults below every other configuration source, so appsettings.json and environment variables still win:
/// ASP.NET Core's per-request information lines would otherwise drown the server's own messages.
/// </summary>
internal static class ConfigurationDefaults
{
    public static void AddTo(IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        });
}
