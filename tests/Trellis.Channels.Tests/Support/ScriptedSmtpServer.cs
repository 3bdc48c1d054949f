using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Trellis.Channels.Tests.Support;

/// <summary>
/// A small SMTP server on 127.0.0.1 that shows what the pool does on the wire: how many connections were opened,
/// how many sessions were open at once, every command per connection, and the messages received. It can leave
/// out PIPELINING and can drop a session after each message without a word (as a server closing idle clients does).
/// A recipient whose local part starts with "reject-" is refused (550), and DATA without an accepted recipient
/// gets 554, as a real server answers.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly bool _pipelining;
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _commands = new();
    private int _connections;
    private int _open;
    private int _mostOpen;

    public ScriptedSmtpServer(bool pipelining = true)
    {
        _pipelining = pipelining;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public int MostOpenAtOnce => Volatile.Read(ref _mostOpen);

    /// <summary>When set, the server closes the session right after accepting each message, without a 421.</summary>
    public bool DropAfterEachMessage { get; set; }

    public IReadOnlyList<string> Messages => _messages.ToArray();

    /// <summary>The command verbs of each connection, in the order the connections were opened.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CommandsByConnection =>
        _commands.OrderBy(c => c.Key).Select(c => (IReadOnlyList<string>)c.Value.ToArray()).ToArray();

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

            var id = Interlocked.Increment(ref _connections);
            var open = Interlocked.Increment(ref _open);
            InterlockedMax(ref _mostOpen, open);
            _ = ServeAsync(client, _commands.GetOrAdd(id, _ => new ConcurrentQueue<string>()));
        }
    }

    private async Task ServeAsync(TcpClient client, ConcurrentQueue<string> commands)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var recipients = 0;
                using var reader = new StreamReader(stream, Encoding.ASCII);
                await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 scripted.test ESMTP");
                while (await reader.ReadLineAsync(_stopping.Token) is { } line)
                {
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    commands.Enqueue(verb);
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync(_pipelining ? "250-scripted.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n" : "250-scripted.test\r\n250 8BITMIME\r\n");
                            break;
                        case "RCPT" when line.Contains("<reject-", StringComparison.OrdinalIgnoreCase):
                            await writer.WriteLineAsync("550 5.1.1 no such user");
                            break;
                        case "RCPT":
                            recipients++;
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "MAIL" or "RSET":
                            recipients = 0;
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA" when recipients == 0:
                            await writer.WriteLineAsync("554 5.5.1 no valid recipients");
                            break;
                        case "DATA":
                            recipients = 0;
                            await writer.WriteLineAsync("354 go ahead");
                            var body = new StringBuilder();
                            while (await reader.ReadLineAsync(_stopping.Token) is { } data && data != ".")
                            {
                                body.Append(data).Append("\r\n");
                            }

                            _messages.Enqueue(body.ToString());
                            await writer.WriteLineAsync($"250 2.0.0 Ok: queued as Q{_messages.Count}");
                            if (DropAfterEachMessage)
                            {
                                return;
                            }

                            break;
                        case "AUTH":
                            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
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
            finally
            {
                Interlocked.Decrement(ref _open);
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
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
