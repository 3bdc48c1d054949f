using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Trellis.Server.Health;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Tests;

/// <summary>
/// A real <c>trellis serve</c> on 127.0.0.1 with an OS-chosen port, a temp SQLite file and known keys, plus an
/// HttpClient and shortcuts for ingestion and admin calls. Each test gets its own (own database, own port).
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string WriteKey = "test-write-key";
    public const string SecretKey = "test-secret-key";

    private readonly TempFolder? _folder;

    private RunningServer(WebApplication app, TempFolder? folder, StringWriter console, string databasePath)
    {
        App = app;
        _folder = folder;
        Console = console;
        DatabasePath = databasePath;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>What the server printed for people (the one-time key banner).</summary>
    public StringWriter Console { get; }

    public string DatabasePath { get; }

    public ITrellisStore Store => App.Services.GetRequiredService<ITrellisStore>();

    public ServerMetrics Metrics => App.Services.GetRequiredService<ServerMetrics>();

    public static WorkspaceId Workspace { get; } = new("default");

    /// <summary>
    /// Starts a server. <paramref name="settings"/> override the test defaults (keys, database, content). The engine
    /// worker is off unless asked for, so tests see exactly what ingestion and the admin API stored.
    /// </summary>
    public static async Task<RunningServer> StartAsync(IDictionary<string, string?>? settings = null, TempFolder? folder = null, IClock? clock = null, bool startEngine = false)
    {
        var owned = folder is null;
        folder ??= new TempFolder();
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Trellis:Storage:ConnectionString"] = System.IO.Path.Combine(folder.Path, "trellis.db"),
            ["Trellis:Keys:Write"] = WriteKey,
            ["Trellis:Keys:Secret"] = SecretKey,
            ["Trellis:Content:Path"] = System.IO.Path.Combine(RepoRoot.Path, "examples"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var console = new StringWriter();
        var app = await TrellisServer.BuildAppAsync(new TrellisServerOptions
        {
            ContentRoot = folder.Path,
            Settings = all,
            Console = console,
            Clock = clock,
            StartEngine = startEngine,
        });
        await app.StartAsync();
        return new RunningServer(app, owned ? folder : null, console, all["Trellis:Storage:ConnectionString"] ?? "");
    }

    public Task<HttpResponseMessage> IngestAsync(string path, string json, string? writeKey = WriteKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (writeKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, string? body = null, string? secretKey = SecretKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        if (secretKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secretKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Creates another workspace directly in the store, with its own keys.</summary>
    public async Task<(WorkspaceId Id, string WriteKey, string SecretKey)> CreateWorkspaceAsync(string id)
    {
        var workspace = new WorkspaceId(id);
        var write = "write-" + id;
        var secret = "secret-" + id;
        var now = SystemClock.Instance.GetCurrentInstant();
        await Store.Workspaces.CreateAsync(new WorkspaceRecord(workspace, id, Sha256Hex.Of(write), Sha256Hex.Of(secret), now, now));
        return (workspace, write, secret);
    }

    /// <summary>A person's stored events, in order.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsOfAsync(string personId, WorkspaceId? workspace = null)
    {
        var ws = workspace ?? Workspace;
        return await Store.Events.ReadAsync(ws, await Store.Persons.ResolveAsync(ws, personId), 0, 1000);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _folder?.Dispose();
    }
}
