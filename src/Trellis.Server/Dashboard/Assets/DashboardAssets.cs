using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Dashboard.Assets;

/// <summary>
/// The dashboard's HTML, CSS and JavaScript, embedded in the server assembly (Dashboard/wwwroot): the product
/// works offline and a deployment cannot lose its assets. Read once at start.
/// </summary>
public sealed class DashboardAssets
{
    public const string ResourcePrefix = "Trellis.Dashboard.wwwroot.";

    private readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal);

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var content = Read(assembly, resource);
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
            _assets[name] = new StaticAsset(name, content, ContentTypeOf(name), etag);
        }
    }

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public StaticAsset? Find(string name) => _assets.GetValueOrDefault(name);

    public StaticAsset Get(string name) => Find(name) ?? throw new InvalidOperationException($"dashboard asset '{name}' is not embedded");

    /// <summary>Answers with the asset, or 304 when the browser's copy is current (assets revalidate on every load).</summary>
    public static IResult Serve(HttpContext context, StaticAsset asset)
    {
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
