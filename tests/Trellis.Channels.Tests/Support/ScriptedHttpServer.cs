using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Trellis.Channels.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) that answers from a script,
/// one step per request, and records every request. Plays Twilio, FCM and webhook receivers.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> script = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();

    private ScriptedHttpServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public int Port => BaseUrl.Port;

    /// <summary>What to answer once the script has run out.</summary>
    public Func<HttpContext, Task> Otherwise { get; set; } = Respond(404, "{}");

    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new ScriptedHttpServer(builder.Build());
        server.app.Run(server.HandleAsync);
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public ScriptedHttpServer Then(Func<HttpContext, Task> step)
    {
        script.Enqueue(step);
        return this;
    }

    public ScriptedHttpServer Then(int status, string body = "{}", params (string Name, string Value)[] headers) =>
        Then(Respond(status, body, headers));

    /// <summary>Never answers (until the client gives up or the server stops): a provider that hangs.</summary>
    public ScriptedHttpServer ThenHang() => Then(async context =>
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    });

    public static Func<HttpContext, Task> Respond(int status, string body = "{}", params (string Name, string Value)[] headers) => async context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            {
                form[key] = value.ToString();
            }
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body, form));
        var step = script.TryDequeue(out var next) ? next : Otherwise;
        await step(context);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(deadline.Token);
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
