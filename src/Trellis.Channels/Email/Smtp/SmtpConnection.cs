using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Trellis.Channels.Email.Smtp;

/// <summary>
/// One open SMTP session (RFC 5321): greeting, EHLO, STARTTLS and EHLO again when configured, AUTH when
/// credentials are set; then any number of mail transactions. With PIPELINING (RFC 2920) a transaction is
/// two round trips — MAIL, RCPT and DATA in one write, then the message and its final dot in another —
/// otherwise one per command. RSET goes first only when the previous transaction did not complete: the 250 for
/// a message already clears the server's transaction state (RFC 5321 §4.1.1.4), so a reset after it would only
/// cost the server a command per message.
/// Not thread-safe: the pool hands a connection to one sender at a time.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private const int MaxReplyLine = 4096;

    private readonly TcpClient _tcp;
    private readonly byte[] _buffer = new byte[8192];
    private readonly ArrayBufferWriter<byte> _out = new(1024);
    private Stream _stream;
    private int _start;
    private int _end;
    private bool _pipelining;

    // False from the start of a transaction until the server accepted its message: the session may then hold a
    // half-done transaction (a refused recipient, a failed data phase), which RSET clears before the next one.
    private bool _clean = true;

    private SmtpConnection(TcpClient tcp, SmtpPoolKey key, DateTimeOffset openedAt)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Key = key;
        LastUsed = openedAt;
    }

    public SmtpPoolKey Key { get; }

    public DateTimeOffset LastUsed { get; set; }

    public int Transactions { get; private set; }

    /// <summary>Set when the session can no longer be trusted (I/O error, timeout, 421); the pool then closes it.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>
    /// Whether the current transaction got as far as writing the message. Until then a failure cannot have
    /// delivered anything, so the send may safely be tried again on another session.
    /// </summary>
    public bool MessageWritten { get; private set; }

    public static async Task<SmtpConnection> OpenAsync(SmtpOptions options, SmtpPoolKey key, DateTimeOffset now, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            await tcp.ConnectAsync(options.Host, options.Port, ct).ConfigureAwait(false);
            connection = new SmtpConnection(tcp, key, now);
            await connection.HandshakeAsync(options, ct).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e)
        {
            if (connection is not null)
            {
                // A refused command leaves a session we can QUIT politely; anything else (TLS, I/O) does not.
                connection.IsBroken |= e is not SmtpReplyException;
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// One mail transaction; returns the server's reply to the end of data ("250 … queued as …"). Sends RSET
    /// first when the session's previous transaction did not complete, so it starts clean whatever happened before.
    /// </summary>
    /// <exception cref="SmtpReplyException">The server refused a step.</exception>
    /// <exception cref="IOException">The connection failed; <see cref="IsBroken"/> is set.</exception>
    public async Task<SmtpReply> SendAsync(string from, string to, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        try
        {
            Transactions++;
            MessageWritten = false;
            var reset = !_clean;
            _clean = false;
            if (_pipelining)
            {
                if (reset)
                {
                    Line("RSET");
                }

                Line("MAIL FROM:<", from, ">");
                Line("RCPT TO:<", to, ">");
                Line("DATA");
                await FlushAsync(ct).ConfigureAwait(false);
                // Every pipelined command gets its reply, in order; read them all before judging any.
                var resetReply = reset ? await ReadReplyAsync(ct).ConfigureAwait(false) : new SmtpReply(250, "");
                var mailReply = await ReadReplyAsync(ct).ConfigureAwait(false);
                var rcptReply = await ReadReplyAsync(ct).ConfigureAwait(false);
                var dataReply = await ReadReplyAsync(ct).ConfigureAwait(false);
                Expect(SmtpStage.Reset, resetReply, 250);
                Expect(SmtpStage.MailFrom, mailReply, 250);
                if (rcptReply.Code is not (250 or 251))
                {
                    if (dataReply.Code == 354)
                    {
                        // A server that started DATA despite the refused recipient gets an empty message and RSET next time.
                        await CommandAsync(".", ct).ConfigureAwait(false);
                    }

                    throw new SmtpReplyException(SmtpStage.RecipientTo, rcptReply);
                }

                Expect(SmtpStage.Data, dataReply, 354);
            }
            else
            {
                if (reset)
                {
                    Expect(SmtpStage.Reset, await CommandAsync("RSET", ct).ConfigureAwait(false), 250);
                }

                Expect(SmtpStage.MailFrom, await CommandAsync($"MAIL FROM:<{from}>", ct).ConfigureAwait(false), 250);
                var rcpt = await CommandAsync($"RCPT TO:<{to}>", ct).ConfigureAwait(false);
                if (rcpt.Code is not (250 or 251))
                {
                    throw new SmtpReplyException(SmtpStage.RecipientTo, rcpt);
                }

                Expect(SmtpStage.Data, await CommandAsync("DATA", ct).ConfigureAwait(false), 354);
            }

            // The MIME writer guarantees CRLF line ends and no leading dots, so no dot-stuffing is needed. The
            // message and its final dot go out in one write (a copy of a few KB is cheaper than a second send).
            MessageWritten = true;
            _out.Write(message.Span);
            var reply = await CommandAsync(".", ct).ConfigureAwait(false);
            Expect(SmtpStage.Message, reply, 250);
            _clean = true;
            return reply;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Mid-dialogue we no longer know where the session stands.
            IsBroken = true;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsBroken)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await CommandAsync("QUIT", quit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or SmtpReplyException)
            {
                // Closing anyway.
            }
        }

        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task HandshakeAsync(SmtpOptions options, CancellationToken ct)
    {
        Expect(SmtpStage.Greeting, await ReadReplyAsync(ct).ConfigureAwait(false), 220);
        var hello = await HelloAsync(ct).ConfigureAwait(false);
        if (options.EnableSsl)
        {
            if (!HasExtension(hello, "STARTTLS"))
            {
                throw new SmtpReplyException(SmtpStage.StartTls, new SmtpReply(530, "the server does not offer STARTTLS, which is required by Smtp:EnableSsl"));
            }

            Expect(SmtpStage.StartTls, await CommandAsync("STARTTLS", ct).ConfigureAwait(false), 220);
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
            _stream = tls;
            _start = _end = 0; // nothing the server sent in clear text may be read as if it came over TLS
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = options.Host }, ct).ConfigureAwait(false);
            hello = await HelloAsync(ct).ConfigureAwait(false);
        }

        _pipelining = HasExtension(hello, "PIPELINING");
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await AuthenticateAsync(hello, options.UserName, options.Password ?? "", ct).ConfigureAwait(false);
        }
    }

    private async Task<SmtpReply> HelloAsync(CancellationToken ct)
    {
        var reply = await CommandAsync($"EHLO {LocalName()}", ct).ConfigureAwait(false);
        if (reply.Code != 250)
        {
            // An old server without ESMTP: HELO, and none of the extensions.
            reply = await CommandAsync($"HELO {LocalName()}", ct).ConfigureAwait(false);
            Expect(SmtpStage.Hello, reply, 250);
            return new SmtpReply(250, "");
        }

        return reply;
    }

    private async Task AuthenticateAsync(SmtpReply hello, string user, string password, CancellationToken ct)
    {
        var mechanisms = Extension(hello, "AUTH") ?? "";
        if (mechanisms.Contains("PLAIN", StringComparison.OrdinalIgnoreCase) || !mechanisms.Contains("LOGIN", StringComparison.OrdinalIgnoreCase))
        {
            var plain = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{user}\0{password}"));
            Expect(SmtpStage.Authentication, await CommandAsync($"AUTH PLAIN {plain}", ct).ConfigureAwait(false), 235);
            return;
        }

        Expect(SmtpStage.Authentication, await CommandAsync("AUTH LOGIN", ct).ConfigureAwait(false), 334);
        Expect(SmtpStage.Authentication, await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(user)), ct).ConfigureAwait(false), 334);
        Expect(SmtpStage.Authentication, await CommandAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), ct).ConfigureAwait(false), 235);
    }

    private static string LocalName() => LocalHostName.Value;

    private static readonly Lazy<string> LocalHostName = new(() =>
    {
        var name = System.Net.Dns.GetHostName();
        return string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? "[127.0.0.1]" : name;
    });

    private static bool HasExtension(SmtpReply hello, string name) => Extension(hello, name) is not null;

    /// <summary>The parameters of an EHLO keyword ("" when it has none), or null when the server did not list it.</summary>
    private static string? Extension(SmtpReply hello, string name)
    {
        foreach (var line in hello.Text.Split('\n'))
        {
            var keyword = line.AsSpan().Trim();
            if (keyword.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (keyword.Length == name.Length || keyword[name.Length] is ' ' or '='))
            {
                return keyword[name.Length..].Trim(" =").ToString();
            }
        }

        return null;
    }

    private void Expect(SmtpStage stage, SmtpReply reply, int code)
    {
        if (reply.Code == code)
        {
            return;
        }

        if (reply.Code == 421)
        {
            IsBroken = true; // 421: the server is closing this session
        }

        throw new SmtpReplyException(stage, reply);
    }

    private async ValueTask<SmtpReply> CommandAsync(string line, CancellationToken ct)
    {
        Line(line);
        await FlushAsync(ct).ConfigureAwait(false);
        return await ReadReplyAsync(ct).ConfigureAwait(false);
    }

    private void Line(string prefix, string value, string suffix)
    {
        var span = _out.GetSpan(prefix.Length + value.Length + suffix.Length + 2);
        var written = Encoding.ASCII.GetBytes(prefix, span);
        written += Encoding.ASCII.GetBytes(value, span[written..]);
        written += Encoding.ASCII.GetBytes(suffix, span[written..]);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        _out.Advance(written + 2);
    }

    private void Line(string line)
    {
        var span = _out.GetSpan(line.Length + 2);
        var written = Encoding.ASCII.GetBytes(line, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        _out.Advance(written + 2);
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await _stream.WriteAsync(_out.WrittenMemory, ct).ConfigureAwait(false);
        _out.ResetWrittenCount();
    }

    private async ValueTask<SmtpReply> ReadReplyAsync(CancellationToken ct)
    {
        // Almost every reply is one line: its text is the only string made. Multi-line ones (EHLO) are joined.
        StringBuilder? text = null;
        while (true)
        {
            var (code, last, line) = await ReadReplyLineAsync(ct).ConfigureAwait(false);
            if (last && text is null)
            {
                return new SmtpReply(code, line);
            }

            text = text is null ? new StringBuilder(line) : text.Append('\n').Append(line);
            if (last)
            {
                return new SmtpReply(code, text.ToString());
            }
        }
    }

    /// <summary>One reply line: its code, whether it is the last line of the reply ("250 " rather than "250-"), and its text.</summary>
    private async ValueTask<(int Code, bool Last, string Text)> ReadReplyLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }

                var line = _buffer.AsSpan(_start, length);
                _start = newline + 1;
                if (line.Length < 3 || !IsDigit(line[0]) || !IsDigit(line[1]) || !IsDigit(line[2]) || (line.Length > 3 && line[3] is not ((byte)' ' or (byte)'-')))
                {
                    IsBroken = true;
                    throw new IOException($"not an SMTP reply: '{Encoding.ASCII.GetString(line)}'");
                }

                var code = ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
                var last = line.Length == 3 || line[3] == ' ';
                return (code, last, line.Length > 4 ? Encoding.ASCII.GetString(line[4..]) : "");
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end >= MaxReplyLine)
            {
                IsBroken = true;
                throw new IOException("an SMTP reply line is too long");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (read == 0)
            {
                IsBroken = true;
                throw new IOException("the SMTP server closed the connection");
            }

            _end += read;
        }
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';
}
