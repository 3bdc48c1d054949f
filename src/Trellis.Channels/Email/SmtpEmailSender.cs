using System.Buffers;
using System.Net.Sockets;
using System.Security.Authentication;
using Trellis.Channels.Email.Mime;
using Trellis.Channels.Email.Smtp;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Email;

/// <summary>
/// Email over SMTP through a pool of reused sessions (see <see cref="SmtpConnectionPool"/>): the message is
/// checked and written as MIME first, so a bad message fails before any connection; then it goes out as one
/// mail transaction on a pooled session. Timeouts come from the caller's token (see ResilientChannelSender).
/// The provider message id is the Message-ID we set, which is what bounce reports quote back.
/// </summary>
public sealed class SmtpEmailSender : IChannelSender, IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;
    private readonly SmtpConnectionPool _pool;

    public SmtpEmailSender(SmtpOptions options, TimeProvider? time = null, SmtpPoolStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _pool = new SmtpConnectionPool(options, _time, stats ?? new SmtpPoolStats());
    }

    /// <summary>Sessions opened, reused and open now, for /metrics.</summary>
    public SmtpPoolStats PoolStats => _pool.Stats;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel.Email)
        {
            return new DeliveryFailed(FailureReason.Misconfigured, $"the SMTP sender cannot send {message.Channel.Name()}");
        }

        var (email, failure) = EmailMessageBuilder.Build(message, _options);
        if (failure is not null)
        {
            return failure;
        }

        // Room for headers and both bodies quoted-printable, so the buffer rarely has to grow and copy. Pooled:
        // the session copies the message into its own output before this returns.
        using var mime = new PooledBufferWriter(2048 + (3 * (email!.Text.Length + email.Html.Length)));
        MimeMessageWriter.Write(email, _time.GetUtcNow(), mime);
        try
        {
            await _pool.SendAsync(HeaderWriter.TryAsciiAddress(email.From)!, HeaderWriter.TryAsciiAddress(email.To)!, mime.WrittenMemory, ct).ConfigureAwait(false);
            return new Delivered(email.MessageId);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is SmtpReplyException or IOException or SocketException or AuthenticationException or OperationCanceledException)
        {
            return SmtpFailures.From(e);
        }
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();
}
