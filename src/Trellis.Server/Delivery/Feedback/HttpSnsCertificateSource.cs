using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Fetches SNS signing certificates (PEM) over HTTP and keeps the most recently used ones by URL, at most
/// <see cref="SnsOptions.CertificateCacheSize"/>. SNS publishes a new certificate under a new URL, so what a URL
/// served stays right; the verifier checks validity dates on every use. Concurrent posts naming the same URL share
/// one fetch. A failed fetch is not cached, so the next post (SNS retries after a 503) tries again. Redirects are
/// not followed: the URL that was allowed is the one fetched.
/// </summary>
public sealed class HttpSnsCertificateSource : ISnsCertificateSource, IDisposable
{
    /// <summary>SNS certificates are about 2 KB; anything much larger is not one.</summary>
    public const int MaxCertificateBytes = 64 * 1024;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly int _capacity;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<CacheEntry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<CacheEntry> _recency = new();

    public HttpSnsCertificateSource(SnsOptions options)
        : this(options, new SocketsHttpHandler { AllowAutoRedirect = false })
    {
    }

    /// <param name="handler">Tests pass one that trusts their local server's certificate; it must not follow redirects.</param>
    public HttpSnsCertificateSource(SnsOptions options, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeout = options.CertificateFetchTimeout;
        _capacity = Math.Max(1, options.CertificateCacheSize);
        _client = new HttpClient(handler) { Timeout = _timeout, MaxResponseContentBufferSize = MaxCertificateBytes };
    }

    public async Task<X509Certificate2> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var entry = Entry(url);
        try
        {
            // The fetch is shared, so it runs to its own timeout; this caller may stop waiting sooner.
            return await entry.Fetch.Value.WaitAsync(cancellationToken);
        }
        catch (SnsCertificateUnavailableException)
        {
            Forget(entry);
            throw;
        }
    }

    private CacheEntry Entry(Uri url)
    {
        var key = url.AbsoluteUri;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value;
            }

            var entry = new CacheEntry(key, new Lazy<Task<X509Certificate2>>(() => FetchAsync(url)));
            _entries[key] = _recency.AddFirst(entry);
            if (_entries.Count > _capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Url);
            }

            return entry;
        }
    }

    private void Forget(CacheEntry entry)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(entry.Url, out var node) && ReferenceEquals(node.Value, entry))
            {
                _recency.Remove(node);
                _entries.Remove(entry.Url);
            }
        }
    }

    private async Task<X509Certificate2> FetchAsync(Uri url)
    {
        string pem;
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            if (!response.IsSuccessStatusCode)
            {
                throw new SnsCertificateUnavailableException(string.Create(CultureInfo.InvariantCulture, $"{url} answered HTTP {(int)response.StatusCode}"));
            }

            pem = await response.Content.ReadAsStringAsync(CancellationToken.None);
        }
        catch (HttpRequestException e)
        {
            throw new SnsCertificateUnavailableException($"fetching {url} failed: {e.Message}", e);
        }
        catch (TaskCanceledException e)
        {
            throw new SnsCertificateUnavailableException(string.Create(CultureInfo.InvariantCulture, $"fetching {url} took longer than {_timeout.TotalSeconds:0.#} s"), e);
        }

        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new SnsCertificateUnavailableException($"{url} did not serve a PEM certificate", e);
        }
    }

    public void Dispose() => _client.Dispose();

    private sealed record CacheEntry(string Url, Lazy<Task<X509Certificate2>> Fetch);
}
