using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Trellis.Channels.Email.Smtp;

/// <summary>
/// Reused SMTP sessions to one server, so a message costs one mail transaction instead of a TCP connect,
/// greeting, EHLO, STARTTLS and AUTH. Bounded: at most <see cref="SmtpOptions.MaxConnections"/> sessions exist,
/// and as many messages are in flight. A session whose last transaction did not complete is reset (RSET) before
/// its next one (see <see cref="SmtpConnection"/>), closed after
/// <see cref="SmtpOptions.MaxMessagesPerConnection"/> messages, after <see cref="SmtpOptions.IdleTimeout"/>
/// unused, after any I/O error or 421, and when the host, port, TLS setting or credentials change. A reused
/// session that turns out dead before the message was written is replaced once, transparently.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpConnection> _idle = new();
    private readonly ITimer _sweeper;
    private bool _disposed;

    public SmtpConnectionPool(SmtpOptions options, TimeProvider time, SmtpPoolStats stats)
    {
        Stats = stats;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxConnections);
        _options = options;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        // A quarter of the timeout: an idle session is closed at most 1.25 timeouts after its last use.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, options.IdleTimeout.Ticks / 4));
        _sweeper = time.CreateTimer(static pool => ((SmtpConnectionPool)pool!).Sweep(), this, period, period);
    }

    public SmtpPoolStats Stats { get; }

    /// <summary>Sends one message on a pooled session; returns the server's final reply.</summary>
    /// <exception cref="SmtpReplyException">The server refused it.</exception>
    /// <exception cref="IOException">The connection failed (also <see cref="SocketException"/>, TLS errors).</exception>
    public async Task<SmtpReply> SendAsync(string from, string to, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        Stats.OnBusy(1);
        try
        {
            var key = SmtpPoolKey.Of(_options);
            var retried = false;
            while (true)
            {
                var connection = TakeIdle(key);
                var reused = connection is not null;
                connection ??= await OpenAsync(key, ct).ConfigureAwait(false);
                try
                {
                    var reply = await connection.SendAsync(from, to, message, ct).ConfigureAwait(false);
                    GiveBack(connection);
                    return reply;
                }
                catch (Exception e) when (reused && !retried && !connection.MessageWritten && IsDeadSession(e, connection, ct))
                {
                    // The server dropped the idle session (timeout, restart): nothing was delivered; use a fresh one.
                    Close(connection);
                    retried = true;
                }
                catch (SmtpReplyException) when (!connection.IsBroken)
                {
                    GiveBack(connection);
                    throw;
                }
                catch
                {
                    Close(connection);
                    throw;
                }
            }
        }
        finally
        {
            Stats.OnBusy(-1);
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        while (_idle.TryPop(out var connection))
        {
            Stats.OnIdle(-1);
            Stats.OnClosed();
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool IsDeadSession(Exception e, SmtpConnection connection, CancellationToken ct) =>
        !ct.IsCancellationRequested && (e is IOException or SocketException || (e is SmtpReplyException { Reply.Code: 421 } && connection.IsBroken));

    private async Task<SmtpConnection> OpenAsync(SmtpPoolKey key, CancellationToken ct)
    {
        var connection = await SmtpConnection.OpenAsync(_options, key, _time.GetUtcNow(), ct).ConfigureAwait(false);
        Stats.OnOpened();
        return connection;
    }

    private SmtpConnection? TakeIdle(SmtpPoolKey key)
    {
        var now = _time.GetUtcNow();
        while (_idle.TryPop(out var connection))
        {
            Stats.OnIdle(-1);
            if (connection.Key == key && now - connection.LastUsed < _options.IdleTimeout)
            {
                Stats.OnReused();
                return connection;
            }

            Close(connection);
        }

        return null;
    }

    private void GiveBack(SmtpConnection connection)
    {
        if (_disposed || connection.IsBroken || connection.Transactions >= _options.MaxMessagesPerConnection)
        {
            Close(connection);
            return;
        }

        connection.LastUsed = _time.GetUtcNow();
        Stats.OnIdle(1);
        _idle.Push(connection);
    }

    /// <summary>Closes in the background: a QUIT exchange must not hold up the send that is finishing.</summary>
    private void Close(SmtpConnection connection)
    {
        Stats.OnClosed();
        _ = connection.DisposeAsync().AsTask();
    }

    private void Sweep()
    {
        var now = _time.GetUtcNow();
        var keep = new List<SmtpConnection>();
        while (_idle.TryPop(out var connection))
        {
            Stats.OnIdle(-1);
            if (now - connection.LastUsed < _options.IdleTimeout && !_disposed)
            {
                keep.Add(connection);
            }
            else
            {
                Close(connection);
            }
        }

        // Oldest first, so the warmest session ends on top of the stack.
        for (var i = keep.Count - 1; i >= 0; i--)
        {
            Stats.OnIdle(1);
            _idle.Push(keep[i]);
        }
    }
}
