using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task A_person_is_claimed_for_their_timer_only_once_it_is_due()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "a"), Track("u2", "a"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, nextWakeAt: p.PersonId == "u1" ? T0.PlusHours(1) : T0.PlusHours(3)));

        Assert.Empty(await ClaimablePersonIdsAsync(T0.PlusMinutes(59)));
        Assert.Equal(["u1"], await ClaimablePersonIdsAsync(T0.PlusHours(1)));
        Assert.Equal(["u1", "u2"], await ClaimablePersonIdsAsync(T0.PlusHours(3)));
    }

    [Fact]
    public async Task The_earliest_wake_time_is_the_soonest_timer_of_any_workspace()
    {
        var a = await NewWorkspaceAsync();
        var b = await NewWorkspaceAsync();
        Assert.Null(await Store.Work.EarliestWakeAsync());
        await AppendAsync(a, Track("u1", "x"));
        await AppendAsync(b, Track("u2", "x"));

        await ProcessAllAsync(T0, p => TestChanges.Processed(p, nextWakeAt: p.Workspace == b ? T0.PlusMinutes(30) : T0.PlusHours(2)));

        Assert.Equal(T0.PlusMinutes(30), await Store.Work.EarliestWakeAsync());
    }

    [Fact]
    public async Task Clearing_the_timer_takes_the_person_off_the_schedule()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "a"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, nextWakeAt: T0.PlusHours(1)));

        await ProcessAllAsync(T0.PlusHours(1), p => TestChanges.Processed(p, nextWakeAt: null));

        Assert.Null(await Store.Work.EarliestWakeAsync());
        Assert.Empty(await ClaimablePersonIdsAsync(T0.PlusDays(10)));
    }
}
