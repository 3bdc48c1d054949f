using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// Workspace isolation: workspace B uses workspace A's ids (persons, messageIds, outbox entries, journeys,
/// keys) on every method, and must neither see nor change anything of A's.
/// </summary>
public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Another_workspace_using_the_same_ids_sees_and_changes_nothing()
    {
        var a = await NewWorkspaceAsync();
        var b = await NewWorkspaceAsync();
        await AppendAsync(a, Identify("u1", "anon-1", messageId: "m1"), Track("u1", "x", "m2"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, "a-state", T0.PlusHours(1)) with
        {
            TraitsJson = """{"email":"u1@example.com"}""",
            Outbox = [TestChanges.Send("u1")],
            Trace = [TestChanges.Trace("enter")],
            Consent = [new ConsentRecord("news", true, "identify", T0)],
        });
        await Store.Suppressions.AddAsync(a, new Suppression("email", "u1@example.com", "hard_bounce", T0));
        await Store.Journeys.SaveSourceAsync(a, "onboarding", "journey: onboarding\n", T0);
        await Store.IdempotencyKeys.TryRecordAsync(a, "k1", T0, T0.PlusDays(1));
        var entry = Assert.Single(await Store.Outbox.ListForPersonAsync(a, "u1"));

        // Reads through B find nothing of A's.
        Assert.Null(await Store.Persons.GetProfileAsync(b, "u1"));
        Assert.Empty(await Store.Persons.ListProfilesAsync(b, null, 10));
        Assert.Equal(0, await Store.Persons.CountAsync(b));
        Assert.Equal("anon-1", await Store.Persons.ResolveAsync(b, "anon-1"));
        Assert.Empty(await Store.Events.ReadAsync(b, "u1", 0, 10));
        Assert.Empty(await Store.Persons.ReadTraceAsync(b, "u1", 0, 10));
        Assert.Empty(await Store.Consent.ListAsync(b, "u1"));
        Assert.Empty(await Store.Outbox.ListForPersonAsync(b, "u1"));
        Assert.Null(await Store.Outbox.GetAsync(b, entry.Id));
        Assert.False(await Store.Suppressions.IsSuppressedAsync(b, "email", "u1@example.com"));
        Assert.Empty(await Store.Suppressions.ListAsync(b, null, 10));
        Assert.Null(await Store.Journeys.GetAsync(b, "onboarding"));
        Assert.Empty(await Store.Journeys.ListAsync(b));
        Assert.False(await Store.Persons.IsErasedAsync(b, "u1"));

        // Writes through B with A's ids land in B or do nothing.
        var claimedOutbox = Assert.Single(await Store.Outbox.ClaimAsync(T0, 10, Lease));
        Assert.False(await Store.Outbox.MarkSentAsync(b, claimedOutbox.Id, claimedOutbox.LeaseToken!.Value, T0));
        Assert.False(await Store.Outbox.MarkFailedAsync(b, claimedOutbox.Id, claimedOutbox.LeaseToken!.Value, "x", T0, null));
        Assert.False(await Store.Suppressions.RemoveAsync(b, "email", "u1@example.com"));
        Assert.False(await Store.Journeys.SetStatusAsync(b, "onboarding", JourneyStatus.Paused, null, T0));
        Assert.False(await Store.Journeys.DeleteAsync(b, "onboarding"));
        Assert.True(await Store.IdempotencyKeys.TryRecordAsync(b, "k1", T0, T0.PlusDays(1)));
        Assert.True(await Store.Outbox.EnqueueAsync(b, TestChanges.Send("u1"), T0));
        Assert.Equal(1, (await Store.Journeys.SaveSourceAsync(b, "onboarding", "journey: other\n", T0, expectedVersion: 0)).Version);
        Assert.True(await Store.Consent.RecordAsync(b, "u1", new ConsentRecord("news", false, "admin", T0.PlusDays(1))));
        await Store.Suppressions.AddAsync(b, new Suppression("sms", "+1555", "stop", T0));
        Assert.Equal(AppendStatus.Appended, (await AppendAsync(b, Track("u1", "x", "m2"))).Items[0].Status);
        Assert.False(await Store.Persons.EraseAsync(b, "anon-1", T0));
        Assert.True(await Store.Persons.EraseAsync(b, "u1", T0));

        // A is untouched.
        Assert.Equal("u1", await Store.Persons.ResolveAsync(a, "anon-1"));
        Assert.False(await Store.Persons.IsErasedAsync(a, "u1"));
        Assert.Equal(2, (await Store.Events.ReadAsync(a, "u1", 0, 10)).Count);
        Assert.Single(await Store.Persons.ReadTraceAsync(a, "u1", 0, 10));
        Assert.True(Assert.Single(await Store.Consent.ListAsync(a, "u1")).Granted);
        Assert.Equal("journey: onboarding\n", (await Store.Journeys.GetAsync(a, "onboarding"))!.SourceYaml);
        Assert.Single(await Store.Suppressions.ListAsync(a, null, 10));
        Assert.Equal(1, await Store.Persons.CountAsync(a));
        Assert.True(await Store.Suppressions.IsSuppressedAsync(a, "email", "u1@example.com"));
        Assert.Equal(JourneyStatus.Draft, (await Store.Journeys.GetAsync(a, "onboarding"))!.Status);
        Assert.False(await Store.IdempotencyKeys.TryRecordAsync(a, "k1", T0, T0.PlusDays(1)));
        Assert.Equal(OutboxStatus.Claimed, (await Store.Outbox.GetAsync(a, entry.Id))!.Status);
        Assert.True(await Store.Outbox.MarkSentAsync(a, claimedOutbox.Id, claimedOutbox.LeaseToken!.Value, T0));
        await using var unit = await Store.Work.ClaimAsync(T0.PlusHours(1), 10);
        var u1 = Assert.Single(unit.Persons);
        Assert.Equal((a, "a-state"), (u1.Workspace, TestChanges.Text(u1.State)));
    }
}
