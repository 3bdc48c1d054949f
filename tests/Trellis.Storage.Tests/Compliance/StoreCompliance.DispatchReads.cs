using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary>The reads a dispatcher makes for a whole claimed batch: suppressions and consent of many at once.</summary>
public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Suppressed_addresses_of_a_batch_are_found_in_one_read_normalized_per_channel_and_workspace()
    {
        var ws = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        await Store.Suppressions.AddAsync(ws, new Suppression("email", " Ada@Example.COM", "hard_bounce", T0));
        await Store.Suppressions.AddAsync(ws, new Suppression("sms", "bob@example.com", "stop", T0));
        await Store.Suppressions.AddAsync(other, new Suppression("email", "carol@example.com", "complaint", T0));

        var found = await Store.Suppressions.SuppressedAmongAsync(ws, "email", ["ADA@example.com ", "bob@example.com", "carol@example.com", "ada@example.com"]);

        Assert.Equal(["ada@example.com"], found.Order());
        Assert.Empty(await Store.Suppressions.SuppressedAmongAsync(ws, "email", []));
        Assert.Equal(["bob@example.com"], await Store.Suppressions.SuppressedAmongAsync(ws, "sms", ["Bob@Example.com"]));
        Assert.Equal(["carol@example.com"], await Store.Suppressions.SuppressedAmongAsync(other, "email", ["carol@example.com", "ada@example.com"]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.Suppressions.SuppressedAmongAsync(ws, "email", null!));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Suppressions.SuppressedAmongAsync(ws, "email", ["ada@example.com", ""]));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Suppressions.SuppressedAmongAsync(default, "email", ["ada@example.com"]));
    }

    [Fact]
    public async Task Consent_of_a_batch_of_persons_is_read_at_once_and_matches_each_persons_own_list()
    {
        var ws = await NewWorkspaceAsync();
        var other = await NewWorkspaceAsync();
        Assert.True(await Store.Consent.RecordAsync(ws, "u1", new ConsentRecord("sms", true, "admin", T0)));
        Assert.True(await Store.Consent.RecordAsync(ws, "u1", new ConsentRecord("news", false, "unsubscribe", T0.PlusHours(2))));
        Assert.True(await Store.Consent.RecordAsync(ws, "u2", new ConsentRecord("all", false, "complaint", T0.PlusHours(1))));
        Assert.True(await Store.Consent.RecordAsync(other, "u3", new ConsentRecord("news", false, "admin", T0)));

        var consent = await Store.Consent.ListForPersonsAsync(ws, ["u1", "u2", "u3", "u1"]);

        Assert.Equal(["u1", "u2"], consent.Keys.Order());
        Assert.Equal(await Store.Consent.ListAsync(ws, "u1"), consent["u1"]);
        Assert.Equal([new ConsentRecord("all", false, "complaint", T0.PlusHours(1))], consent["u2"]);
        Assert.Empty(await Store.Consent.ListForPersonsAsync(ws, []));
        Assert.Single(await Store.Consent.ListForPersonsAsync(other, ["u1", "u3"]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.Consent.ListForPersonsAsync(ws, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.Consent.ListForPersonsAsync(ws, ["u1", null!]));
    }
}
