using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Appended_events_get_increasing_sequences_and_read_back_in_order()
    {
        var ws = await NewWorkspaceAsync();

        var first = await AppendAsync(ws, Track("u1", "signed_up"), Track("u2", "signed_up"), Track("u1", "opened"));
        var second = await AppendAsync(ws, Track("u1", "paid", at: T0.PlusSeconds(5)));

        var sequences = first.Items.Concat(second.Items).Select(i => i.Sequence!.Value).ToList();
        Assert.All(first.Items.Concat(second.Items), i => Assert.Equal(AppendStatus.Appended, i.Status));
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        var events = await Store.Events.ReadAsync(ws, "u1", 0, 100);
        Assert.Equal(["signed_up", "opened", "paid"], events.Select(e => e.EventName));
        Assert.Equal(T0.PlusSeconds(5), events[2].Timestamp);
        Assert.Equal(EventKind.Track, events[0].Kind);
        Assert.Contains("\"signed_up\"", events[0].PayloadJson);
        Assert.Equal(["paid"], (await Store.Events.ReadAsync(ws, "u1", events[1].Sequence, 100)).Select(e => e.EventName));
        Assert.Single(await Store.Events.ReadAsync(ws, "u1", 0, 1));
    }

    [Fact]
    public async Task A_messageId_is_stored_once_per_workspace_and_repeats_are_reported_as_duplicates()
    {
        var ws = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();

        var first = await AppendAsync(ws, Track("u1", "a", "m1"), Track("u1", "b", "m1"), Track("u1", "c", "m2"));
        var retry = await AppendAsync(ws, Track("u1", "a", "m1"), Track("u1", "d", "m3"));
        var elsewhere = await AppendAsync(other, Track("u1", "a", "m1"));

        Assert.Equal([AppendStatus.Appended, AppendStatus.Duplicate, AppendStatus.Appended], first.Items.Select(i => i.Status));
        Assert.Equal([AppendStatus.Duplicate, AppendStatus.Appended], retry.Items.Select(i => i.Status));
        Assert.Equal(1, retry.DuplicateCount);
        Assert.Equal(AppendStatus.Appended, elsewhere.Items[0].Status);
        Assert.Equal(["a", "c", "d"], (await Store.Events.ReadAsync(ws, "u1", 0, 100)).Select(e => e.EventName));
    }

    [Fact]
    public async Task An_empty_batch_appends_nothing()
    {
        var ws = await NewWorkspaceAsync();

        var result = await AppendAsync(ws);

        Assert.Empty(result.Items);
    }

    [Fact]
    public async Task An_event_without_any_id_is_rejected_before_anything_is_written()
    {
        var ws = await NewWorkspaceAsync();
        var noId = Track("u1", "x") with { UserId = null };

        await Assert.ThrowsAsync<ArgumentException>(() => AppendAsync(ws, Track("u1", "ok"), noId));

        Assert.Empty(await Store.Events.ReadAsync(ws, "u1", 0, 10));
    }
}
