using Trellis.Server.Processing;

namespace Trellis.Server.Tests.Processing;

/// <summary>The in-memory backlog estimate behind ingestion's backpressure: counting, re-basing at a short claim, no credit.</summary>
public sealed class EngineBacklogTests
{
    [Fact]
    public void Accepted_minus_committed()
    {
        var backlog = new EngineBacklog();
        backlog.Accepted(100);
        backlog.Processed(60);
        Assert.Equal(40, backlog.Events);
    }

    [Fact]
    public void A_short_claim_rebases_on_what_is_in_flight_plus_what_came_after_it()
    {
        var backlog = new EngineBacklog();
        backlog.Accepted(100);
        backlog.Processed(30);

        // The engine caught up: of the 70 left, another process decided 50 and 20 are in this engine's claim.
        var before = backlog.AcceptedSoFar;
        backlog.Accepted(5); // arrived while the claim ran
        backlog.CaughtUp(before, inFlight: 20);
        Assert.Equal(25, backlog.Events);

        backlog.Processed(20);
        Assert.Equal(5, backlog.Events);
    }

    [Fact]
    public void Events_decided_here_but_accepted_elsewhere_are_not_banked_as_credit()
    {
        var backlog = new EngineBacklog();
        // After a restart the engine works off 5,000 events stored before it; this process accepted none of them.
        backlog.Processed(5_000);
        Assert.Equal(0, backlog.Events);

        // New events count at once: the old work must not let 5,000 more past the bound.
        backlog.Accepted(300);
        Assert.Equal(300, backlog.Events);
    }

    [Fact]
    public async Task Changed_completes_on_a_commit_and_on_a_rebase()
    {
        var backlog = new EngineBacklog();
        var first = backlog.Changed;
        Assert.False(first.IsCompleted);
        backlog.Processed(1);
        await first.WaitAsync(TimeSpan.FromSeconds(10));

        var second = backlog.Changed;
        Assert.False(second.IsCompleted);
        backlog.CaughtUp(backlog.AcceptedSoFar, 0);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
