using Microsoft.Extensions.Configuration;
using Trellis.Storage;

namespace Trellis.Server.Hosting;

/// <summary>
/// The store and content folder <c>trellis serve</c> would use, for commands that run beside it (<c>trellis
/// train</c>): the same configuration sources (appsettings.json and appsettings.{environment}.json in the folder,
/// <c>Trellis__…</c> environment variables) and the same defaults (SQLite under ./data, content ./examples).
/// </summary>
public sealed class ConfiguredStore
{
    private ConfiguredStore(TrellisSettings settings, string contentRoot)
    {
        Settings = settings;
        ContentRoot = contentRoot;
    }

    public TrellisSettings Settings { get; }

    public string ContentRoot { get; }

    /// <summary>The configured content folder, or null when there is none.</summary>
    public string? ContentFolderPath => ContentFolder.Resolve(Settings.Content, ContentRoot).Path;

    public WorkspaceId DefaultWorkspace => new(Settings.DefaultWorkspace);

    public static ConfiguredStore Read(string? contentRoot = null, IDictionary<string, string?>? overrides = null)
    {
        var root = Path.GetFullPath(contentRoot ?? Directory.GetCurrentDirectory());
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                          ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                          ?? "Production";
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var settings = configuration.GetSection(TrellisSettings.SectionName).Get<TrellisSettings>() ?? new TrellisSettings();
        return new ConfiguredStore(settings, root);
    }

    /// <summary>
    /// Opens the store (creating or upgrading its schema like the server does). A SQLite file that does not exist
    /// yet is not created: there would be no history in it.
    /// </summary>
    public async Task<ITrellisStore> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Settings.Storage.Provider.Trim().ToLowerInvariant() is "" or "sqlite")
        {
            var path = StoreOpener.SqlitePath(Settings.Storage.ConnectionString, ContentRoot);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"no store at {Path.GetRelativePath(ContentRoot, path)}: run trellis serve and send it events first, or set Trellis__Storage__ConnectionString");
            }
        }

        return await StoreOpener.OpenAsync(Settings.Storage, ContentRoot, cancellationToken);
    }
}
