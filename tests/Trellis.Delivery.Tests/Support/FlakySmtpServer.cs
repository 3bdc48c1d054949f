using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Trellis.Delivery.Tests.Support;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that answers the first <c>failures</c> recipients with 451 (try again later)
/// and accepts the rest, counting the messages it receives: a relay that is briefly busy.
/// </summary>
public sealed class FlakySmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private int _failuresLeft;
    private int _accepted;
    private int _refused;

    public FlakySmtpServer(int failures)
    {
        _failuresLeft = failures;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public int Refused => Volatile.Read(ref _refused);

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 flaky.test ESMTP");
                while (await reader.ReadLineAsync(_stopping.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 flaky.test");
                            break;
                        case "RCPT":
                            var refuse = Interlocked.Decrement(ref _failuresLeft) >= 0;
                            if (refuse)
                            {
                                Interlocked.Increment(ref _refused);
                            }

                            await writer.WriteLineAsync(refuse ? "451 4.3.0 Busy, try again later" : "250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                            while (await reader.ReadLineAsync(_stopping.Token) is { } data && data != ".")
                            {
                            }

                            Interlocked.Increment(ref _accepted);
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }
}
