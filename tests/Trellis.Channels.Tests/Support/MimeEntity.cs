using System.Text;
using System.Text.RegularExpressions;

namespace Trellis.Channels.Tests.Support;

/// <summary>
/// Just enough MIME (RFC 2045/2047) to check what our SMTP sender produced: unfolded headers with
/// encoded words decoded, multipart children, and bodies decoded from quoted-printable or base64.
/// </summary>
public sealed partial class MimeEntity
{
    private MimeEntity(IReadOnlyList<KeyValuePair<string, string>> headers, string body, IReadOnlyList<MimeEntity> parts)
    {
        Headers = headers;
        Body = body;
        Parts = parts;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The decoded body of a leaf part (empty for multiparts).</summary>
    public string Body { get; }

    public IReadOnlyList<MimeEntity> Parts { get; }

    public string ContentType => (Header("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>This entity and all its descendants.</summary>
    public IEnumerable<MimeEntity> All() => Parts.SelectMany(p => p.All()).Prepend(this);

    public static MimeEntity Parse(string raw)
    {
        raw = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = split < 0 ? raw : raw[..split];
        var bodyText = split < 0 ? "" : raw[(split + 2)..];
        var headers = ParseHeaders(headerText);
        var contentType = headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? "text/plain";
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Boundary().Match(contentType).Groups[1].Value.Trim('"');
            var parts = bodyText.Split($"--{boundary}")
                .Skip(1)
                .TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal))
                .Select(p => Parse(p.TrimStart('\n')))
                .ToArray();
            return new MimeEntity(headers, "", parts);
        }

        var encoding = headers.FirstOrDefault(h => h.Key.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value?.Trim().ToLowerInvariant();
        var body = encoding switch
        {
            "quoted-printable" => QuotedPrintable(bodyText, Encoding.UTF8),
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(bodyText.Where(c => !char.IsWhiteSpace(c))))),
            _ => bodyText,
        };
        return new MimeEntity(headers, body.TrimEnd('\n'), []);
    }

    private static List<KeyValuePair<string, string>> ParseHeaders(string text)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers.Select(h => new KeyValuePair<string, string>(h.Key, DecodeWords(h.Value))).ToList();
    }

    private static string DecodeWords(string value)
    {
        // Adjacent encoded words are joined without the whitespace between them (RFC 2047 §6.2).
        var joined = AdjacentWords().Replace(value, "$1$2");
        return EncodedWord().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            return m.Groups["enc"].Value.ToUpperInvariant() == "B"
                ? charset.GetString(Convert.FromBase64String(text))
                : QuotedPrintable(text.Replace('_', ' '), charset);
        });
    }

    private static string QuotedPrintable(string text, Encoding charset)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(soft[i].ToString()));
            }
        }

        return charset.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"boundary=(""[^""]+""|[^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex AdjacentWords();
}
