using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Hosting;

/// <summary>
/// Reads a request body up to a limit and refuses it as soon as it goes over, so a large or endless body is
/// never buffered. The limit applies to the decompressed bytes when the client gzips (Content-Encoding: gzip).
/// </summary>
internal static class BoundedBodyReader
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw RequestRejectedException.Invalid($"Content-Encoding '{encoding}' is not supported (use gzip or none)");
        }

        await using var source = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var body = (Stream?)source ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw RequestRejectedException.Invalid("the body is not valid gzip");
        }

        return buffer.ToArray();
    }

    private static RequestRejectedException TooLarge(int limit) =>
        new(StatusCodes.Status400BadRequest, "too_large", $"the request body is over the limit of {limit / 1024} KB");
}
