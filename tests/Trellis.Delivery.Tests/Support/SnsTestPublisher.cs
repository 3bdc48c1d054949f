using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trellis.Server.Delivery.Feedback;

namespace Trellis.Delivery.Tests.Support;

/// <summary>
/// Plays Amazon SNS for the hook tests: an RSA key with certificates made here, an https server on 127.0.0.1 that
/// serves them as SNS serves its SigningCertURLs (and counts every fetch), and messages signed the way SNS signs
/// them. The string to sign is built here from AWS's documentation, independently of the server's own builder
/// (which the channel tests check against a message AWS really signed).
/// </summary>
public sealed class SnsTestPublisher : IAsyncDisposable
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:ses-feedback";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _fetches = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    private SnsTestPublisher(WebApplication app)
    {
        _app = app;
        Key = RSA.Create(2048);
    }

    /// <summary>The key SNS signs with; <see cref="Certificate"/> holds its public half.</summary>
    public RSA Key { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<SnsTestPublisher> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(TestCertificate.PfxPath, TestCertificate.Password)));
        var publisher = new SnsTestPublisher(builder.Build());
        publisher._app.Run(publisher.HandleAsync);
        await publisher._app.StartAsync();
        var address = publisher._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        publisher.BaseUrl = new Uri(address);
        return publisher;
    }

    /// <summary>What the server under test needs to fetch certificates from here: this host only, https, trusting our test certificate.</summary>
    public Action<IServiceCollection> Services => services =>
    {
        services.AddSingleton(SnsCertificateOrigin.Only(BaseUrl.Host, BaseUrl.Port));
        services.AddSingleton<ISnsCertificateSource>(sp => new HttpSnsCertificateSource(sp.GetRequiredService<HookOptions>().Sns, TestCertificate.Handler(followRedirects: false)));
    };

    public static X509Certificate2 Certificate(RSA key, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        new CertificateRequest("CN=sns.amazonaws.com", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(notBefore, notAfter);

    /// <summary>Serves <paramref name="certificate"/> as PEM at /<paramref name="name"/>.pem and returns that URL.</summary>
    public Uri Serve(string name, X509Certificate2 certificate) =>
        Route(name, context => context.Response.WriteAsync(certificate.ExportCertificatePem()));

    public Uri Route(string name, Func<HttpContext, Task> respond)
    {
        _routes[$"/{name}.pem"] = respond;
        return new Uri(BaseUrl, $"/{name}.pem");
    }

    /// <summary>A URL that is accepted but never answered (until the client gives up).</summary>
    public Uri Hang(string name) => Route(name, async context =>
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    });

    /// <summary>How many times /<paramref name="name"/>.pem was requested.</summary>
    public int Fetches(string name) => _fetches.GetValueOrDefault($"/{name}.pem");

    /// <summary>A Notification carrying <paramref name="message"/> (an SES notification's JSON), signed as SNS would sign it.</summary>
    public Dictionary<string, string> Notification(string message, Uri certificateUrl, string version = "1", string? subject = null,
        DateTimeOffset? timestamp = null, RSA? signWith = null, string topicArn = TopicArn)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = topicArn,
            ["Message"] = message,
            ["Timestamp"] = Time(timestamp),
            ["UnsubscribeURL"] = $"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn={topicArn}:1",
        };
        if (subject is not null)
        {
            fields["Subject"] = subject;
        }

        return Sign(fields, certificateUrl, version, signWith ?? Key);
    }

    /// <summary>A SubscriptionConfirmation or UnsubscribeConfirmation, signed.</summary>
    public Dictionary<string, string> Confirmation(string type, Uri certificateUrl, string version = "1")
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Type"] = type,
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["Token"] = "2336412f37fb687f5d51e6e2425f004aed7b7526d5a4d9d3b1e4b5f8",
            ["TopicArn"] = TopicArn,
            ["Message"] = $"You have chosen to subscribe to the topic {TopicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.",
            ["SubscribeURL"] = $"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn={TopicArn}&Token=2336412f",
            ["Timestamp"] = Time(null),
        };
        return Sign(fields, certificateUrl, version, Key);
    }

    public static string Json(Dictionary<string, string> fields) => JsonSerializer.Serialize(fields);

    private static string Time(DateTimeOffset? at) => (at ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>AWS: name and value, each followed by a newline, for the fields the Type signs, in this order.</summary>
    private static Dictionary<string, string> Sign(Dictionary<string, string> fields, Uri certificateUrl, string version, RSA key)
    {
        string[] order = fields["Type"] == "Notification"
            ? ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"]
            : ["Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"];
        var text = new StringBuilder();
        foreach (var name in order.Where(fields.ContainsKey))
        {
            text.Append(name).Append('\n').Append(fields[name]).Append('\n');
        }

        var hash = version == "1" ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        fields["SignatureVersion"] = version;
        fields["Signature"] = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(text.ToString()), hash, RSASignaturePadding.Pkcs1));
        fields["SigningCertURL"] = certificateUrl.AbsoluteUri;
        return fields;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        _fetches.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_routes.TryGetValue(path, out var respond))
        {
            await respond(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(deadline.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
        Key.Dispose();
    }
}
