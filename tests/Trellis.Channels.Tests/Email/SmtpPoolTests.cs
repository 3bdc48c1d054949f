using Trellis.Channels.Email;
using Trellis.Channels.Tests.Support;
using Trellis.Core.Journeys;

namespace Trellis.Channels.Tests.Email;

/// <summary>The SMTP session pool, seen from the server's side of the wire.</summary>
public sealed class SmtpPoolTests
{
    private static OutboundMessage Email(int i) => new()
    {
        Workspace = "ws1",
        PersonId = $"p{i}",
        Channel = Channel.Email,
        IdempotencyKey = Messages.NewKey($"p{i}"),
        Parts = new Dictionary<string, string> { [MessageParts.Subject] = $"Message {i}", [MessageParts.Text] = $"Body {i}" },
        Address = $"person{i}@example.test",
    };

    private static SmtpEmailSender Sender(ScriptedSmtpServer server, Action<SmtpOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "news@acme.example.test" };
        configure?.Invoke(options);
        return new SmtpEmailSender(options, time);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Consecutive_messages_share_one_session_without_a_reset_after_each_completed_transaction(bool pipelining)
    {
        await using var server = new ScriptedSmtpServer(pipelining);
        await using var sender = Sender(server);

        for (var i = 0; i < 10; i++)
        {
            Assert.IsType<Delivered>(await sender.SendAsync(Email(i), CancellationToken.None));
        }

        Assert.Equal(1, server.Connections);
        Assert.Equal(10, server.Messages.Count);
        var commands = Assert.Single(server.CommandsByConnection);
        Assert.Equal(1, commands.Count(c => c == "EHLO"));
        // The 250 for a message ends its transaction on the server (RFC 5321 §4.1.1.4): nothing to reset.
        Assert.Equal(0, commands.Count(c => c == "RSET"));
        Assert.Equal(10, commands.Count(c => c == "DATA"));
        Assert.Equal(1, sender.PoolStats.Opened);
        Assert.Equal(9, sender.PoolStats.Reused);
        Assert.Equal(1, sender.PoolStats.Idle);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_transaction_the_server_refused_is_reset_before_the_next_message_on_that_session(bool pipelining)
    {
        await using var server = new ScriptedSmtpServer(pipelining);
        await using var sender = Sender(server);

        Assert.IsType<Delivered>(await sender.SendAsync(Email(0), CancellationToken.None));
        var refused = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Email(1) with { Address = "reject-1@example.test" }, CancellationToken.None));
        Assert.IsType<Delivered>(await sender.SendAsync(Email(2), CancellationToken.None));
        Assert.IsType<Delivered>(await sender.SendAsync(Email(3), CancellationToken.None));

        Assert.Equal(FailureReason.InvalidAddress, refused.Reason);
        Assert.Equal(3, server.Messages.Count);
        var commands = Assert.Single(server.CommandsByConnection).Where(c => c is not ("EHLO" or "QUIT")).ToList();
        string[] transaction = ["MAIL", "RCPT", "DATA"];
        // Pipelined, the refused transaction's DATA was sent with it (and refused too); unpipelined it never was.
        string[] refusedTransaction = pipelining ? transaction : ["MAIL", "RCPT"];
        Assert.Equal([.. transaction, .. refusedTransaction, "RSET", .. transaction, .. transaction], commands);
    }

    [Fact]
    public async Task Concurrent_messages_use_several_sessions_but_never_more_than_the_bound()
    {
        await using var server = new ScriptedSmtpServer();
        await using var sender = Sender(server, o => o.MaxConnections = 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => sender.SendAsync(Email(i), CancellationToken.None)));

        Assert.All(results, r => Assert.IsType<Delivered>(r));
        Assert.Equal(60, server.Messages.Count);
        Assert.InRange(server.Connections, 2, 3);
        Assert.InRange(server.MostOpenAtOnce, 2, 3);
        Assert.Equal(0, sender.PoolStats.Busy);
    }

    [Fact]
    public async Task A_session_the_server_dropped_is_replaced_without_failing_or_duplicating_the_send()
    {
        await using var server = new ScriptedSmtpServer { DropAfterEachMessage = true };
        await using var sender = Sender(server);

        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<Delivered>(await sender.SendAsync(Email(i), CancellationToken.None));
        }

        Assert.Equal(5, server.Messages.Count);
        Assert.Equal(5, server.Connections);
    }

    [Fact]
    public async Task A_session_idle_past_the_timeout_is_closed_and_a_new_one_opened()
    {
        var clock = new ManualTimeProvider();
        await using var server = new ScriptedSmtpServer();
        await using var sender = Sender(server, o => o.IdleTimeout = TimeSpan.FromSeconds(30), clock);

        Assert.IsType<Delivered>(await sender.SendAsync(Email(1), CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<Delivered>(await sender.SendAsync(Email(2), CancellationToken.None));
        Assert.Equal(1, server.Connections);

        for (var second = 0; second < 40; second += 5)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
        }

        // The sweeper closes it (QUIT) even with nothing to send.
        await Eventually.TrueAsync(() => server.CommandsByConnection[0].Contains("QUIT"), "the idle session closed");
        Assert.Equal(0, sender.PoolStats.Idle);

        Assert.IsType<Delivered>(await sender.SendAsync(Email(3), CancellationToken.None));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task A_session_is_retired_after_the_configured_number_of_messages()
    {
        await using var server = new ScriptedSmtpServer();
        await using var sender = Sender(server, o => o.MaxMessagesPerConnection = 4);

        for (var i = 0; i < 10; i++)
        {
            Assert.IsType<Delivered>(await sender.SendAsync(Email(i), CancellationToken.None));
        }

        Assert.Equal(3, server.Connections);
        await Eventually.TrueAsync(() => server.CommandsByConnection.Take(2).All(c => c.Contains("QUIT")), "the full sessions quit");
    }

    [Fact]
    public async Task Changed_credentials_are_not_served_by_a_session_opened_with_the_old_ones()
    {
        await using var server = new ScriptedSmtpServer();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "news@acme.example.test", UserName = "old", Password = "one" };
        await using var sender = new SmtpEmailSender(options);

        Assert.IsType<Delivered>(await sender.SendAsync(Email(1), CancellationToken.None));
        options.Password = "two";
        Assert.IsType<Delivered>(await sender.SendAsync(Email(2), CancellationToken.None));

        Assert.Equal(2, server.Connections);
        Assert.All(server.CommandsByConnection, c => Assert.Contains("AUTH", c));
    }

    [Fact]
    public async Task A_server_that_is_not_listening_fails_the_send_and_leaves_nothing_in_the_pool()
    {
        await using var sink = new ScriptedSmtpServer();
        await using var sender = Sender(sink, o => o.Port = ClosedPort.Get());

        var failed = Assert.IsType<DeliveryFailed>(await sender.SendAsync(Email(1), CancellationToken.None));

        Assert.Equal(FailureReason.ConnectionFailed, failed.Reason);
        Assert.Equal(0, sender.PoolStats.Busy);
        Assert.Equal(0, sender.PoolStats.Idle);
    }
}
