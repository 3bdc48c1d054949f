using Trellis.Storage;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Suppressions_match_normalized_addresses_and_can_be_listed_and_lifted()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Suppressions.AddAsync(ws, new Suppression("email", " Ada@Example.COM", "hard_bounce", T0));
        await Store.Suppressions.AddAsync(ws, new Suppression("email", "ada@example.com", "complaint", T0.PlusHours(1)));
        await Store.Suppressions.AddAsync(ws, new Suppression("sms", "+4712345678", "stop", T0));

        Assert.True(await Store.Suppressions.IsSuppressedAsync(ws, "email", "ADA@example.com "));
        Assert.False(await Store.Suppressions.IsSuppressedAsync(ws, "sms", "ada@example.com"));
        var email = Assert.Single(await Store.Suppressions.ListAsync(ws, "email", 10));
        Assert.Equal(("ada@example.com", "complaint", T0.PlusHours(1)), (email.Address, email.Reason, email.At));
        Assert.Equal(["email", "sms"], (await Store.Suppressions.ListAsync(ws, null, 10)).Select(s => s.Channel));

        Assert.True(await Store.Suppressions.RemoveAsync(ws, "email", "Ada@example.com"));
        Assert.False(await Store.Suppressions.RemoveAsync(ws, "email", "ada@example.com"));
        Assert.False(await Store.Suppressions.IsSuppressedAsync(ws, "email", "ada@example.com"));
    }

    [Fact]
    public async Task Consent_keeps_the_newest_statement_per_topic_whatever_the_order_of_writes()
    {
        var ws = await NewWorkspaceAsync();

        Assert.True(await Store.Consent.RecordAsync(ws, "u1", new ConsentRecord("news", false, "unsubscribe", T0.PlusHours(2))));
        Assert.True(await Store.Consent.RecordAsync(ws, "u1", new ConsentRecord("news", true, "identify", T0.PlusHours(1))));
        Assert.True(await Store.Consent.RecordAsync(ws, "u1", new ConsentRecord("sms", true, "admin", T0)));

        var consent = await Store.Consent.ListAsync(ws, "u1");
        Assert.Equal(["news", "sms"], consent.Select(c => c.Topic));
        Assert.Equal(new ConsentRecord("news", false, "unsubscribe", T0.PlusHours(2)), consent[0]);
        var profile = await Store.Persons.GetProfileAsync(ws, "u1");
        Assert.False(profile!.Consent["news"].Granted);
        Assert.Empty(await ClaimablePersonIdsAsync(T0));
    }

    [Fact]
    public async Task An_idempotency_key_is_recorded_once_until_it_expires()
    {
        var ws = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();

        Assert.True(await Store.IdempotencyKeys.TryRecordAsync(ws, "sg_event_1", T0, T0.PlusHours(24)));
        Assert.False(await Store.IdempotencyKeys.TryRecordAsync(ws, "sg_event_1", T0.PlusHours(23), T0.PlusHours(47)));
        Assert.True(await Store.IdempotencyKeys.TryRecordAsync(other, "sg_event_1", T0, T0.PlusHours(24)));
        Assert.True(await Store.IdempotencyKeys.TryRecordAsync(ws, "sg_event_1", T0.PlusHours(24), T0.PlusHours(48)));
        Assert.True(await Store.IdempotencyKeys.TryRecordAsync(ws, "short", T0, T0.PlusMinutes(1)));

        Assert.Equal(2, await Store.IdempotencyKeys.PurgeExpiredAsync(T0.PlusHours(24)));
        Assert.False(await Store.IdempotencyKeys.TryRecordAsync(ws, "sg_event_1", T0.PlusHours(25), T0.PlusHours(50)));
    }
}
