using System.Net.Sockets;
using System.Text;

namespace Trellis.Bench.Delivery;

/// <summary>One SMTP connection of <see cref="RawSmtpClient"/>: EHLO once, then MAIL/RCPT/DATA per message.</summary>
internal sealed class RawSmtpSession : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private RawSmtpSession(TcpClient client)
    {
        _client = client;
        var stream = client.GetStream();
        _reader = new StreamReader(stream, Encoding.ASCII);
        _writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = false };
    }

    public static async Task<RawSmtpSession> OpenAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync("127.0.0.1", port);
        var session = new RawSmtpSession(client);
        await session.ExpectAsync("220");
        await session.CommandAsync("EHLO bench.local", "250");
        return session;
    }

    public async Task SendAsync(string body)
    {
        await CommandAsync("MAIL FROM:<news@acme.example>", "250");
        await CommandAsync("RCPT TO:<someone@example.test>", "250");
        await CommandAsync("DATA", "354");
        await _writer.WriteAsync(body);
        await CommandAsync(".", "250");
    }

    private async Task CommandAsync(string command, string expected)
    {
        await _writer.WriteLineAsync(command);
        await _writer.FlushAsync();
        await ExpectAsync(expected);
    }

    /// <summary>Reads one reply (multi-line replies continue with "code-").</summary>
    private async Task ExpectAsync(string code)
    {
        while (true)
        {
            var line = await _reader.ReadLineAsync() ?? throw new IOException("the SMTP server closed the connection");
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"expected {code}, got: {line}");
            }

            if (line.Length < 4 || line[3] == ' ')
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CommandAsync("QUIT", "221");
        }
        catch (IOException)
        {
        }

        _client.Dispose();
    }
}
