using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Erasure_removes_the_person_from_every_table_and_keeps_only_tombstones()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, AnonymousTrack("anon-9", "viewed"), Identify("u9", "anon-9"), Track("u8", "kept"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p) with
        {
            TraitsJson = """{"email":"u9@example.com"}""",
            Outbox = [TestChanges.Send(p.PersonId)],
            Trace = [TestChanges.Trace("enter")],
            Consent = [new ConsentRecord("news", true, "identify", T0)],
            NextWakeAt = T0.PlusHours(1),
        });
        await Store.Suppressions.AddAsync(ws, new Suppression("email", "u9@example.com", "hard_bounce", T0));

        Assert.True(await Store.Persons.EraseAsync(ws, "anon-9", T0.PlusHours(1)));

        Assert.Null(await Store.Persons.GetProfileAsync(ws, "u9"));
        Assert.Empty(await Store.Events.ReadAsync(ws, "u9", 0, 100));
        Assert.Empty(await Store.Persons.ReadTraceAsync(ws, "u9", 0, 100));
        Assert.Empty(await Store.Outbox.ListForPersonAsync(ws, "u9"));
        Assert.Empty(await Store.Consent.ListAsync(ws, "u9"));
        Assert.Equal("anon-9", await Store.Persons.ResolveAsync(ws, "anon-9"));
        Assert.True(await Store.Persons.IsErasedAsync(ws, "u9"));
        Assert.True(await Store.Persons.IsErasedAsync(ws, "anon-9"));
        Assert.Equal(["u8"], await ClaimablePersonIdsAsync(T0.PlusHours(2)));
        Assert.NotNull(await Store.Persons.GetProfileAsync(ws, "u8"));
        // Suppressions are per address and stay: they are what keeps mail away from a bounced address.
        Assert.True(await Store.Suppressions.IsSuppressedAsync(ws, "email", "u9@example.com"));
    }

    [Fact]
    public async Task A_late_event_for_an_erased_person_is_refused_and_does_not_recreate_them()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Identify("u7", "anon-7"));
        await Store.Persons.EraseAsync(ws, "u7", T0);

        var late = await AppendAsync(ws, Track("u7", "late"), AnonymousTrack("anon-7", "late"), Identify("u6", "anon-7"), Track("u6", "fine"));

        Assert.Equal(
            [AppendStatus.RefusedErased, AppendStatus.RefusedErased, AppendStatus.RefusedErased, AppendStatus.Appended],
            late.Items.Select(i => i.Status));
        Assert.Equal(3, late.RefusedCount);
        Assert.Null(await Store.Persons.GetProfileAsync(ws, "u7"));
        Assert.Empty(await Store.Events.ReadAsync(ws, "u7", 0, 10));
        Assert.Equal("anon-7", await Store.Persons.ResolveAsync(ws, "anon-7"));
        Assert.False(await Store.Consent.RecordAsync(ws, "u7", new ConsentRecord("news", true, "admin", T0)));
        Assert.Equal(["u6"], await ClaimablePersonIdsAsync(T0));
    }

    [Fact]
    public async Task Erasing_someone_unknown_reports_nothing_erased_but_still_refuses_their_events()
    {
        var ws = await NewWorkspaceAsync();

        Assert.False(await Store.Persons.EraseAsync(ws, "nobody", T0));

        Assert.True(await Store.Persons.IsErasedAsync(ws, "nobody"));
        Assert.Equal(AppendStatus.RefusedErased, (await AppendAsync(ws, Track("nobody", "x"))).Items[0].Status);
    }

    [Fact]
    public async Task A_tombstone_refuses_its_id_only_in_its_own_workspace_and_only_that_id()
    {
        var erasing = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Store.Persons.EraseAsync(erasing, "u5", T0);

        var inOther = await AppendAsync(other, Track("u5", "fine"));
        var inErasing = await AppendAsync(erasing, Track("u4", "fine"), Track("u5", "late"));

        Assert.Equal([AppendStatus.Appended], inOther.Items.Select(i => i.Status));
        Assert.Equal([AppendStatus.Appended, AppendStatus.RefusedErased], inErasing.Items.Select(i => i.Status));
        Assert.Single(await Store.Events.ReadAsync(other, "u5", 0, 10));
    }
}
