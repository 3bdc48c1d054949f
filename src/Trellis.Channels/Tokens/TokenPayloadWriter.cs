using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Trellis.Channels.Tokens;

/// <summary>
/// Writes and signs token payloads with per-thread buffers and a per-thread keyed HMAC: issuing a token is on
/// the engine's send path (two per email), where a fresh MemoryStream, JSON writer and HMAC context per token
/// cost more than the rest of composing. The bytes produced are exactly those of a one-shot
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/> over the same JSON.
/// </summary>
internal static class TokenPayloadWriter
{
    private const int SignatureBytes = HMACSHA256.HashSizeInBytes;

    [ThreadStatic]
    private static ThreadState? _state;

    /// <summary>Returns <c>base64url(payload) "." base64url(HMAC(payload))</c>.</summary>
    public static string Issue(SigningKey key, int version, string purpose, string workspace, string subject, string? extra, string? reference, long expires)
    {
        var state = _state ??= new ThreadState();
        var json = state.Json;
        json.ResetWrittenCount();
        var writer = state.Writer;
        writer.Reset(json);
        writer.WriteStartArray();
        writer.WriteNumberValue(version);
        writer.WriteStringValue(key.Id);
        writer.WriteStringValue(purpose);
        writer.WriteStringValue(workspace);
        writer.WriteStringValue(subject);
        WriteNullable(writer, extra);
        WriteNullable(writer, reference);
        writer.WriteNumberValue(expires);
        writer.WriteEndArray();
        writer.Flush();

        var payload = json.WrittenSpan;
        Span<byte> signature = stackalloc byte[SignatureBytes];
        var hmac = state.HmacFor(key);
        hmac.AppendData(payload);
        hmac.GetHashAndReset(signature);

        var payloadChars = Base64Url.GetEncodedLength(payload.Length);
        var signatureChars = Base64Url.GetEncodedLength(SignatureBytes);
        var chars = state.Chars(payloadChars + 1 + signatureChars);
        Base64Url.EncodeToChars(payload, chars);
        chars[payloadChars] = '.';
        Base64Url.EncodeToChars(signature, chars.AsSpan(payloadChars + 1));
        return new string(chars, 0, payloadChars + 1 + signatureChars);
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private sealed class ThreadState
    {
        private char[] _chars = new char[512];
        private SigningKey? _hmacKey;
        private IncrementalHash? _hmac;

        public ArrayBufferWriter<byte> Json { get; } = new(256);

        public Utf8JsonWriter Writer { get; } = new(new ArrayBufferWriter<byte>(1));

        public char[] Chars(int length)
        {
            if (_chars.Length < length)
            {
                _chars = new char[Math.Max(length, _chars.Length * 2)];
            }

            return _chars;
        }

        /// <summary>One keyed HMAC per thread, re-keyed only when the current key changes (rotation).</summary>
        public IncrementalHash HmacFor(SigningKey key)
        {
            if (!ReferenceEquals(_hmacKey, key) || _hmac is null)
            {
                _hmac?.Dispose();
                _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key.Secret);
                _hmacKey = key;
            }

            return _hmac;
        }
    }
}
