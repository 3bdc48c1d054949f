using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>
/// <c>POST /api/keys/rotate</c> with <c>{"kind": "write" | "secret" | "both"}</c> (default both): new random keys,
/// shown in this response only; the old ones stop working at once.
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapPost("/keys/rotate", RotateAsync);

    private static async Task<IResult> RotateAsync(HttpContext context, ITrellisStore store, IClock clock)
    {
        string kind;
        try
        {
            kind = await ReadKindAsync(context.Request, context.RequestAborted);
        }
        catch (RequestRejectedException e)
        {
            return ApiResults.Error(e.Status, e.Message);
        }

        var workspace = AdminWorkspace.Of(context);
        var body = new Dictionary<string, object?> { ["success"] = true, ["workspace"] = workspace.Value };
        foreach (var (name, keyKind, field) in new[] { ("write", KeyKind.Write, "writeKey"), ("secret", KeyKind.Secret, "secretKey") })
        {
            if (kind != "both" && kind != name)
            {
                continue;
            }

            var key = ApiKeyGenerator.New(keyKind);
            await store.Workspaces.RotateKeyAsync(workspace, keyKind, Sha256Hex.Of(key), clock.GetCurrentInstant(), context.RequestAborted);
            body[field] = key;
        }

        return ApiResults.Ok(body);
    }

    private static async Task<string> ReadKindAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bytes = await BoundedBodyReader.ReadAsync(request, 4096, cancellationToken);
        if (bytes.Length == 0)
        {
            return "both";
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw RequestRejectedException.Invalid("the body must be a JSON object: {\"kind\": \"write\" | \"secret\" | \"both\"}");
            }

            if (!root.TryGetProperty("kind", out var kind) || kind.ValueKind == JsonValueKind.Null)
            {
                return "both";
            }

            return kind.ValueKind == JsonValueKind.String && kind.GetString() is "write" or "secret" or "both"
                ? kind.GetString()!
                : throw RequestRejectedException.Invalid("\"kind\" must be \"write\", \"secret\" or \"both\"");
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, "malformed", $"malformed JSON: {e.Message}");
        }
    }
}
