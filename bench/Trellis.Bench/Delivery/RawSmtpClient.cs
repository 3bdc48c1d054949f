using System.Text;

namespace Trellis.Bench.Delivery;

/// <summary>
/// The least an SMTP client can do: plain SMTP commands over a socket, no MIME building. Measures how fast the
/// SMTP server itself accepts mail, to compare with what Trellis's dispatcher achieves against it.
/// </summary>
internal static class RawSmtpClient
{
    /// <summary>Sends <paramref name="messages"/> messages on <paramref name="connections"/> parallel connections; each connection is kept open (<paramref name="reuse"/>) or opened per message.</summary>
    public static async Task<TimeSpan> SendAsync(int port, int messages, int connections, bool reuse)
    {
        var body = Body();
        var next = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            RawSmtpSession? session = null;
            while (Interlocked.Increment(ref next) < messages)
            {
                session ??= await RawSmtpSession.OpenAsync(port);
                await session.SendAsync(body);
                if (!reuse)
                {
                    await session.DisposeAsync();
                    session = null;
                }
            }

            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }));
        return clock.Elapsed;
    }

    private static string Body()
    {
        var text = new StringBuilder("From: news@acme.example\r\nTo: someone@example.test\r\nSubject: What is new this week\r\n\r\n");
        for (var i = 0; i < 30; i++)
        {
            text.Append("This week we shipped faster search, a calmer inbox and small fixes.\r\n");
        }

        return text.ToString();
    }
}
