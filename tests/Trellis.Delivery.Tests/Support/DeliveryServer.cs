using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Delivery.Tests.Support;

/// <summary>
/// The whole <c>trellis serve</c>, started through its own entry point (<see cref="TrellisServer.BuildAppAsync"/>) on
/// https://127.0.0.1 with an OS-chosen port, a temp SQLite file, known keys and a temp content folder, with
/// shortcuts to send Segment calls and read back the trace and the outbox.
/// </summary>
public sealed class DeliveryServer : IAsyncDisposable
{
    public const string WriteKey = "delivery-write-key";
    public const string SecretKey = "delivery-secret-key";
    public const string TokenKeyId = "test";
    public const string TwilioAuthToken = "twilio-auth-token";
    public const string HookSecret = "hook-secret";
    public const string TwilioAccount = "AC123";
    public const string TwilioNumber = "+15005550006";

    /// <summary>The recipient-token key the server is configured with, so tests can mint tokens (expired ones too).</summary>
    public static readonly byte[] TokenSecret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static readonly WorkspaceId Workspace = new("default");

    private readonly TempFolder _folder;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private bool _restarted;

    private DeliveryServer(WebApplication app, TempFolder folder, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        App = app;
        _folder = folder;
        _settings = settings;
        _services = services;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Http = TestCertificate.Client(BaseAddress, followRedirects: false);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(WriteKey + ":")));
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    /// <summary>Talks to the server (trusting its test certificate), without following redirects; sends the write key.</summary>
    public HttpClient Http { get; }

    public ITrellisStore Store => App.Services.GetRequiredService<ITrellisStore>();

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="content">Files of the content folder by relative path (journeys/x.journey.yaml, templates/…, policies.yaml).</param>
    /// <param name="services">Registrations that replace the server's own (a boundary the test stands in for).</param>
    public static async Task<DeliveryServer> StartAsync(
        IReadOnlyDictionary<string, string> content, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var folder = new TempFolder();
        foreach (var (path, text) in content)
        {
            folder.Write(Path.Combine("content", path), text);
        }

        var all = new Dictionary<string, string?>
        {
            ["urls"] = "https://127.0.0.1:0",
            ["Kestrel:Certificates:Default:Path"] = TestCertificate.PfxPath,
            ["Kestrel:Certificates:Default:Password"] = TestCertificate.Password,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Trellis:Storage:ConnectionString"] = Path.Combine(folder.Path, "trellis.db"),
            ["Trellis:Keys:Write"] = WriteKey,
            ["Trellis:Keys:Secret"] = SecretKey,
            ["Trellis:Content:Path"] = Path.Combine(folder.Path, "content"),
            ["Trellis:Smtp:Host"] = "127.0.0.1",
            ["Trellis:Smtp:Port"] = "1",
            ["Trellis:Smtp:From"] = "Acme News <news@acme.example.test>",
            ["Trellis:Sms:BaseUrl"] = "http://127.0.0.1:1",
            ["Trellis:Sms:AccountSid"] = TwilioAccount,
            ["Trellis:Sms:AuthToken"] = TwilioAuthToken,
            ["Trellis:Sms:From"] = TwilioNumber,
            ["Trellis:Webhooks:SigningSecret"] = "webhook-signing-secret",
            ["Trellis:Webhooks:RequireHttps"] = "false",
            ["Trellis:Webhooks:AllowLoopback"] = "true",
            ["Trellis:Tokens:CurrentKeyId"] = TokenKeyId,
            ["Trellis:Tokens:Keys:" + TokenKeyId] = Convert.ToBase64String(TokenSecret),
            ["Trellis:Hooks:Secret"] = HookSecret,
            ["Trellis:Delivery:RetryBaseDelay"] = "00:00:00.200",
        };
        foreach (var provider in new[] { "smtp", "sms", "webhook" })
        {
            all[$"Trellis:Resilience:{provider}:BaseDelay"] = "00:00:00.050";
            all[$"Trellis:Resilience:{provider}:MaxDelay"] = "00:00:00.200";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return new DeliveryServer(await StartAppAsync(folder, all, services), folder, all, services);
    }

    /// <summary>
    /// Stops this server (as a shutdown does) and starts a new one on the same SQLite file, content and keys,
    /// like <c>trellis serve</c> started again. This instance must not be used afterwards, only disposed.
    /// </summary>
    public async Task<DeliveryServer> RestartAsync()
    {
        Http.Dispose();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(deadline.Token);
        }

        await App.DisposeAsync();
        _restarted = true;
        return new DeliveryServer(await StartAppAsync(_folder, _settings, _services), _folder, _settings, _services);
    }

    private static async Task<WebApplication> StartAppAsync(TempFolder folder, Dictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        var app = await TrellisServer.BuildAppAsync(new TrellisServerOptions
        {
            ContentRoot = folder.Path,
            Settings = settings,
            Console = new StringWriter(),
            Services = services,
        });
        await app.StartAsync();
        return app;
    }

    public static object Identify(string user, object traits) => new { type = "identify", userId = user, traits, messageId = Guid.NewGuid().ToString("N") };

    public static object Track(string user, string name, object? properties = null) =>
        new { type = "track", userId = user, @event = name, properties = properties ?? new { }, messageId = Guid.NewGuid().ToString("N") };

    /// <summary>Posts Segment calls as one batch (so they are stored in this order) and checks the 200.</summary>
    public async Task SendAsync(params object[] calls)
    {
        using var response = await Http.PostAsJsonAsync("/v1/batch", new { batch = calls });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ingestion answered {(int)response.StatusCode}: {body}");
    }

    public async Task<IReadOnlyList<TraceEntry>> TraceAsync(string person) =>
        (await Store.Persons.ReadTraceAsync(Workspace, person, 0, 10_000)).Select(t => t.Entry).ToList();

    public Task<TraceEntry> WaitForTraceAsync(string person, Func<TraceEntry, bool> match, string what) =>
        Poll.UntilAsync(async () => (await TraceAsync(person)).FirstOrDefault(match), what);

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string person) => Store.Outbox.ListForPersonAsync(Workspace, person);

    public Task<OutboxEntry> WaitForOutboxAsync(string person, Func<OutboxEntry, bool> match, string what) =>
        Poll.UntilAsync(async () => (await OutboxAsync(person)).FirstOrDefault(match), what);

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(string person) => await Store.Events.ReadAsync(Workspace, person, 0, 10_000);

    /// <summary>A client for the admin API (secret key).</summary>
    public HttpClient Admin()
    {
        var client = TestCertificate.Client(BaseAddress);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_restarted)
        {
            // The instance that replaced this one owns the folder now.
            return;
        }

        Http.Dispose();
        using (var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await App.StopAsync(deadline.Token);
        }

        await App.DisposeAsync();
        _folder.Dispose();
    }
}
