using System.Net;
using System.Text;

namespace Trellis.Server.Tests.Ingestion;

/// <summary>32 KB per call and 500 KB per batch, enforced while reading (also without Content-Length).</summary>
public sealed class IngestionSizeLimitTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Track(string userId, int paddingChars) =>
        $$$"""{"type":"track","userId":"{{{userId}}}","event":"A","properties":{"pad":"{{{new string('p', paddingChars)}}}"}}""";

    [Fact]
    public async Task A_call_just_under_32_KB_is_accepted()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/track", Track("u1", 32 * 1024 - 200)));
        Assert.Single(await _server.EventsOfAsync("u1"));
    }

    [Fact]
    public async Task A_call_over_32_KB_is_refused()
    {
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/track", Track("u1", 33 * 1024)),
            HttpStatusCode.BadRequest, "over the limit of 32 KB");
        Assert.Empty(await _server.EventsOfAsync("u1"));
        Assert.Equal(1, _server.Metrics.RequestsRejected.Value("too_large"));
    }

    [Fact]
    public async Task A_batch_call_over_32_KB_is_refused_even_when_the_batch_fits()
    {
        var body = $$"""{"batch":[{{Track("u1", 10)}},{{Track("u1", 33 * 1024)}}]}""";
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/batch", body), HttpStatusCode.BadRequest, "batch[1]: the call is over the limit of 32 KB");
        Assert.Empty(await _server.EventsOfAsync("u1"));
    }

    [Fact]
    public async Task A_batch_under_500_KB_is_accepted()
    {
        var calls = Enumerable.Range(0, 30).Select(i => Track("u1", 15 * 1024));
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", calls)}}]}"""));
        Assert.Equal(30, (await _server.EventsOfAsync("u1")).Count);
    }

    [Fact]
    public async Task A_batch_over_500_KB_is_refused()
    {
        var calls = Enumerable.Range(0, 40).Select(i => Track("u1", 15 * 1024));
        await ApiAssert.ErrorAsync(await _server.IngestAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", calls)}}]}"""),
            HttpStatusCode.BadRequest, "over the limit of 500 KB");
        Assert.Empty(await _server.EventsOfAsync("u1"));
    }

    [Fact]
    public async Task A_chunked_body_without_length_is_cut_off_at_the_limit()
    {
        var bytes = Encoding.UTF8.GetBytes(Track("u1", 40 * 1024));
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new StreamContent(new UnknownLengthStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(RunningServer.WriteKey + ":")));
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(request), HttpStatusCode.BadRequest, "over the limit of 32 KB");
    }

    [Fact]
    public async Task A_gzip_bomb_is_cut_off_at_the_decompressed_limit()
    {
        var json = Encoding.UTF8.GetBytes(Track("u1", 2 * 1024 * 1024));
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        Assert.True(compressed.Length < 32 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/track") { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(RunningServer.WriteKey + ":")));
        await ApiAssert.ErrorAsync(await _server.Http.SendAsync(request), HttpStatusCode.BadRequest, "over the limit of 32 KB");
    }
}
