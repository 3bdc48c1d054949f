using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Dashboard.Tests;

/// <summary>
/// A real <c>trellis serve</c> on 127.0.0.1 (OS-chosen port) with a temp SQLite file, the repository's example
/// content, known keys, a configured dashboard user, and a simulations folder.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    public const string WriteKey = "dash-write-key";
    public const string SecretKey = "dash-secret-key";
    public const string User = "marketer";
    public const string Password = "correct horse battery staple";

    private readonly bool _ownsFolder;

    private DashboardServer(WebApplication app, TempFolder folder, bool ownsFolder)
    {
        App = app;
        Folder = folder;
        _ownsFolder = ownsFolder;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = NewClient(cookies: null);
    }

    public WebApplication App { get; }

    public TempFolder Folder { get; }

    public Uri BaseAddress { get; }

    /// <summary>No cookies, no redirects followed: what an anonymous client sees.</summary>
    public HttpClient Http { get; }

    public ITrellisStore Store => App.Services.GetRequiredService<ITrellisStore>();

    public static WorkspaceId Workspace { get; } = new("default");

    public string SimulationsPath => Path.Combine(Folder.Path, "simulations");

    /// <summary>Starts a server; a <paramref name="folder"/> given by the caller (to restart on the same database) is not deleted.</summary>
    public static async Task<DashboardServer> StartAsync(bool startEngine = true, IDictionary<string, string?>? settings = null, TempFolder? folder = null)
    {
        var owns = folder is null;
        folder ??= new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "simulations"));
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Trellis:Storage:ConnectionString"] = Path.Combine(folder.Path, "trellis.db"),
            ["Trellis:Keys:Write"] = WriteKey,
            ["Trellis:Keys:Secret"] = SecretKey,
            ["Trellis:Content:Path"] = Path.Combine(RepoRoot.Path, "examples"),
            ["Trellis:Dashboard:User"] = User,
            ["Trellis:Dashboard:Password"] = Password,
            ["Trellis:Dashboard:SimulationsPath"] = "simulations",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = await TrellisServer.BuildAppAsync(new TrellisServerOptions
        {
            ContentRoot = folder.Path,
            Settings = all,
            Console = new StringWriter(),
            StartEngine = startEngine,
        });
        await app.StartAsync();
        return new DashboardServer(app, folder, owns);
    }

    public HttpClient NewClient(CookieContainer? cookies) => new(new HttpClientHandler
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Posts the login form; returns the response (a 303) without following it.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(HttpClient client, IDictionary<string, string> form, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/login") { Content = new FormUrlEncodedContent(form) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return client.SendAsync(request);
    }

    /// <summary>A client logged in with the secret key (cookies kept).</summary>
    public async Task<LoggedInClient> LoginAsync(string key = SecretKey)
    {
        var cookies = new CookieContainer();
        var client = NewClient(cookies);
        var response = await PostLoginAsync(client, new Dictionary<string, string> { ["key"] = key, ["next"] = "/" });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        var session = await JsonAsync(await client.GetAsync("/dashboard/api/session"));
        return new LoggedInClient(client, cookies, session.GetProperty("csrf").GetString()!);
    }

    public Task<HttpResponseMessage> IngestAsync(string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/batch") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
        return Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsFolder)
        {
            Folder.Dispose();
        }
    }
}
