using Trellis.Storage;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Guardrail_counts_add_up_per_bucket_and_sum_over_a_window()
    {
        var ws = await NewWorkspaceAsync();
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0, new GuardrailTally(100, 0, 0));
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0, new GuardrailTally(50, 1, 2));
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0.PlusHours(1), new GuardrailTally(10, 1, 0));
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0.PlusHours(30), new GuardrailTally(7, 0, 1));
        await Store.GuardrailCounts.AddAsync(ws, "activation", T0, new GuardrailTally(1000, 9, 9));

        Assert.Equal(new GuardrailTally(160, 2, 2), await Store.GuardrailCounts.SumAsync(ws, "winback", T0.PlusHours(-1), T0.PlusHours(2)));
        // The lower edge is exclusive, the upper inclusive: a bucket belongs to exactly one of two adjacent windows.
        Assert.Equal(new GuardrailTally(10, 1, 0), await Store.GuardrailCounts.SumAsync(ws, "winback", T0, T0.PlusHours(1)));
        Assert.Equal(new GuardrailTally(7, 0, 1), await Store.GuardrailCounts.SumAsync(ws, "winback", T0.PlusHours(6), T0.PlusHours(30)));
        Assert.Equal(default, await Store.GuardrailCounts.SumAsync(ws, "nothing", T0.PlusHours(-1), T0.PlusHours(40)));
    }

    [Fact]
    public async Task Guardrail_counts_are_shared_by_processes_and_isolated_by_workspace()
    {
        var mine = await NewWorkspaceAsync();
        var theirs = await NewWorkspaceAsync();
        var second = await OpenAnotherStoreAsync();
        await Store.GuardrailCounts.AddAsync(mine, "winback", T0, new GuardrailTally(200, 1, 0));
        await second.GuardrailCounts.AddAsync(mine, "winback", T0, new GuardrailTally(0, 1, 3));
        await second.GuardrailCounts.AddAsync(theirs, "winback", T0, new GuardrailTally(5, 5, 5));

        Assert.Equal(new GuardrailTally(200, 2, 3), await Store.GuardrailCounts.SumAsync(mine, "winback", T0.PlusHours(-1), T0));
        Assert.Equal(new GuardrailTally(5, 5, 5), await Store.GuardrailCounts.SumAsync(theirs, "winback", T0.PlusHours(-1), T0));
    }

    [Fact]
    public async Task Guardrail_buckets_older_than_the_window_can_be_pruned()
    {
        var ws = await NewWorkspaceAsync();
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0, new GuardrailTally(1, 0, 0));
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0.PlusHours(2), new GuardrailTally(2, 0, 0));
        await Store.GuardrailCounts.AddAsync(ws, "winback", T0.PlusHours(3), default);

        Assert.Equal(1, await Store.GuardrailCounts.PruneAsync(T0.PlusHours(1)));
        Assert.Equal(new GuardrailTally(2, 0, 0), await Store.GuardrailCounts.SumAsync(ws, "winback", T0.PlusHours(-10), T0.PlusHours(10)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GuardrailCounts.AddAsync(ws, "winback", T0, new GuardrailTally(-1, 0, 0)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.GuardrailCounts.AddAsync(ws, "", T0, new GuardrailTally(1, 0, 0)));
    }
}
