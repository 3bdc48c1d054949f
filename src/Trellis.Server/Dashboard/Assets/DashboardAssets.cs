using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Dashboard.Assets;

/// <summary>
/// The dashboard's HTML, CSS and JavaScript, embedded in the server assembly (Dashboard/wwwroot): the product
/// works offline and a deployment cannot lose its assets. Read once at start.
/// </summary>
public sealed class DashboardAssets
{
    public const string ResourcePrefix = "Trellis.Dashboard.wwwroot.";

    /// <summary>Written in the HTML files where the asset version goes: <c>/dashboard/assets/__V__/app.js</c>.</summary>
    public const string VersionPlaceholder = "__V__";

    private readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal);

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var raw = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(r => r[ResourcePrefix.Length..], r => Read(assembly, r), StringComparer.Ordinal);

        // One version for the whole set: a page and the modules it imports always come from the same build.
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, content) in raw)
        {
            all.AppendData(Encoding.UTF8.GetBytes(name));
            all.AppendData(content);
        }

        Version = "v" + Convert.ToHexStringLower(all.GetHashAndReset())[..12];
        foreach (var (name, original) in raw)
        {
            var content = name.EndsWith(".html", StringComparison.Ordinal)
                ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace(VersionPlaceholder, Version, StringComparison.Ordinal))
                : original;
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"";
            _assets[name] = new StaticAsset(name, content, ContentTypeOf(name), etag);
        }
    }

    /// <summary>
    /// Changes whenever any asset changes. Assets under <c>/dashboard/assets/{Version}/</c> are cached by browsers
    /// for good, so pages after the first load no module again: that is most of a page's time budget.
    /// </summary>
    public string Version { get; }

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public StaticAsset? Find(string name) => _assets.GetValueOrDefault(name);

    public StaticAsset Get(string name) => Find(name) ?? throw new InvalidOperationException($"dashboard asset '{name}' is not embedded");

    /// <summary>
    /// Answers with the asset, or 304 when the browser's copy is current. <paramref name="immutable"/>: the URL
    /// carries the current version, so the browser may keep it without asking again.
    /// </summary>
    public static IResult Serve(HttpContext context, StaticAsset asset, bool immutable = false)
    {
        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
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
