using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Trellis.Server.Hosting;

namespace Trellis.Server.Admin;

/// <summary>
/// Reads a journey upload: either the YAML itself (any non-JSON content type, e.g. <c>application/yaml</c>) or
/// JSON <c>{"source": "&lt;yaml&gt;", "expectedVersion": 3}</c>. Bodies are bounded like ingestion's.
/// </summary>
internal static class JourneyUploadReader
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<JourneyUpload> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BoundedBodyReader.ReadAsync(request, MaxBytes, cancellationToken);
        if (request.ContentType is { } type && type.Split(';')[0].Trim().EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            return FromJson(body);
        }

        var text = DecodeUtf8(body);
        return new JourneyUpload(text, null);
    }

    private static JourneyUpload FromJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.String)
            {
                throw RequestRejectedException.Invalid("the JSON body needs \"source\": the journey's YAML as a string");
            }

            long? expected = null;
            if (root.TryGetProperty("expectedVersion", out var version) && version.ValueKind != JsonValueKind.Null)
            {
                expected = version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out var v) && v >= 0
                    ? v
                    : throw RequestRejectedException.Invalid("\"expectedVersion\" must be a whole number ≥ 0");
            }

            return new JourneyUpload(source.GetString()!, expected);
        }
        catch (JsonException e)
        {
            throw new RequestRejectedException(400, "malformed", $"malformed JSON: {e.Message}");
        }
    }

    private static string DecodeUtf8(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            throw RequestRejectedException.Invalid("the journey must be UTF-8 text");
        }
    }
}
