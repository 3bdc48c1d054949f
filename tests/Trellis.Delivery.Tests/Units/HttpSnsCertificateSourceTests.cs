using Microsoft.AspNetCore.Http;
using Trellis.Delivery.Tests.Support;
using Trellis.Server.Delivery.Feedback;

namespace Trellis.Delivery.Tests.Units;

/// <summary>Fetching signing certificates from a real https server: bounded cache, failures not kept, no redirects, a timeout.</summary>
public sealed class HttpSnsCertificateSourceTests
{
    private static HttpSnsCertificateSource Source(int capacity = 32, double timeoutSeconds = 5) =>
        new(new SnsOptions { CertificateCacheSize = capacity, CertificateFetchTimeout = TimeSpan.FromSeconds(timeoutSeconds) }, TestCertificate.Handler(followRedirects: false));

    [Fact]
    public async Task Certificates_are_cached_by_url_and_the_least_recently_used_one_goes_when_the_cache_is_full()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (a, b, c) = (sns.Serve("a", certificate), sns.Serve("b", certificate), sns.Serve("c", certificate));
        using var source = Source(capacity: 2);

        using var first = await source.GetAsync(a, CancellationToken.None);
        Assert.Equal(certificate.Thumbprint, first.Thumbprint);
        foreach (var url in new[] { a, b, a, c, a, b })
        {
            await source.GetAsync(url, CancellationToken.None);
        }

        // a, b cached; a used; c pushes out b (least recent); a still cached; b fetched again.
        Assert.Equal((1, 2, 1), (sns.Fetches("a"), sns.Fetches("b"), sns.Fetches("c")));
    }

    [Fact]
    public async Task Concurrent_requests_for_one_url_share_one_fetch()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var url = sns.Serve("shared", certificate);
        using var source = Source();

        var all = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => source.GetAsync(url, CancellationToken.None)));

        Assert.All(all, c => Assert.Equal(certificate.Thumbprint, c.Thumbprint));
        Assert.Equal(1, sns.Fetches("shared"));
    }

    [Fact]
    public async Task A_failed_fetch_is_not_cached_a_redirect_is_not_followed_and_a_hanging_server_times_out()
    {
        await using var sns = await SnsTestPublisher.StartAsync();
        using var certificate = SnsTestPublisher.Certificate(sns.Key, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var target = sns.Serve("target", certificate);
        var missing = new Uri(sns.BaseUrl, "/later.pem");
        var redirect = sns.Route("redirect", context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target.AbsoluteUri;
            return Task.CompletedTask;
        });
        var huge = sns.Route("huge", context => context.Response.WriteAsync(new string('A', HttpSnsCertificateSource.MaxCertificateBytes + 1)));
        var hanging = sns.Hang("hanging");
        using var source = Source(timeoutSeconds: 1);

        var notYet = await Assert.ThrowsAsync<SnsCertificateUnavailableException>(() => source.GetAsync(missing, CancellationToken.None));
        Assert.Contains("HTTP 404", notYet.Message, StringComparison.Ordinal);
        sns.Serve("later", certificate);
        Assert.Equal(certificate.Thumbprint, (await source.GetAsync(missing, CancellationToken.None)).Thumbprint);
        Assert.Equal(2, sns.Fetches("later"));

        var redirected = await Assert.ThrowsAsync<SnsCertificateUnavailableException>(() => source.GetAsync(redirect, CancellationToken.None));
        Assert.Contains("HTTP 302", redirected.Message, StringComparison.Ordinal);
        Assert.Equal(0, sns.Fetches("target"));

        await Assert.ThrowsAsync<SnsCertificateUnavailableException>(() => source.GetAsync(huge, CancellationToken.None));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var slow = await Assert.ThrowsAsync<SnsCertificateUnavailableException>(() => source.GetAsync(hanging, CancellationToken.None));
        Assert.Contains("took longer than 1 s", slow.Message, StringComparison.Ordinal);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(30));
    }
}
