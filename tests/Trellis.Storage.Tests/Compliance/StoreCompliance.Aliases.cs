using System.Text.Json;
using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Identify_with_an_anonymous_id_moves_the_anonymous_history_to_the_user()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, AnonymousTrack("anon-1", "viewed_pricing"));

        var identify = await AppendAsync(ws, Identify("u1", "anon-1"));
        var later = await AppendAsync(ws, AnonymousTrack("anon-1", "viewed_docs"));

        Assert.Equal("u1", identify.Items[0].PersonId);
        Assert.Equal("u1", later.Items[0].PersonId);
        Assert.Equal("u1", await Store.Persons.ResolveAsync(ws, "anon-1"));
        Assert.Equal("u2", await Store.Persons.ResolveAsync(ws, "u2"));
        Assert.Equal(["viewed_pricing", null, "viewed_docs"], (await Store.Events.ReadAsync(ws, "u1", 0, 100)).Select(e => e.EventName));
        Assert.Empty(await Store.Events.ReadAsync(ws, "anon-1", 0, 100));
        Assert.Null(await Store.Persons.GetProfileAsync(ws, "anon-1"));
        var claimed = Assert.Single(await ProcessAllAsync(T0));
        Assert.Equal("u1", claimed.PersonId);
        Assert.Equal(3, claimed.Events.Count);
    }

    [Fact]
    public async Task Alias_call_links_the_previous_id_and_within_one_batch_events_land_on_the_final_person()
    {
        var ws = await NewWorkspaceAsync();

        var result = await AppendAsync(ws, AnonymousTrack("anon-2", "opened_app"), Alias("anon-2", "u2"), AnonymousTrack("anon-2", "tapped"));

        Assert.All(result.Items, i => Assert.Equal("u2", i.PersonId));
        Assert.Equal(3, (await Store.Events.ReadAsync(ws, "u2", 0, 100)).Count);
        Assert.Equal("u2", await Store.Persons.ResolveAsync(ws, "anon-2"));
    }

    [Fact]
    public async Task The_first_link_of_an_anonymous_id_wins()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Identify("u1", "device-1"));

        var second = await AppendAsync(ws, Identify("u2", "device-1"), AnonymousTrack("device-1", "x"));

        Assert.Equal("u2", second.Items[0].PersonId);
        Assert.Equal("u1", second.Items[1].PersonId);
        Assert.Equal("u1", await Store.Persons.ResolveAsync(ws, "device-1"));
    }

    [Fact]
    public async Task Merging_into_a_known_person_hands_over_events_as_unprocessed_and_fills_traits_and_consent()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "signed_up"), AnonymousTrack("anon-3", "viewed_pricing"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, "state-" + p.PersonId) with
        {
            TraitsJson = p.PersonId == "u1" ? """{"email":"u1@example.com","plan":"pro"}""" : """{"plan":"free","city":"Oslo"}""",
            Consent = p.PersonId == "u1"
                ? [new ConsentRecord("news", true, "identify", T0)]
                : [new ConsentRecord("news", false, "preferences", T0.PlusSeconds(1)), new ConsentRecord("sms", true, "identify", T0)],
        });

        await AppendAsync(ws, Identify("u1", "anon-3"));

        await using var unit = await Store.Work.ClaimAsync(T0, 10);
        var u1 = Assert.Single(unit.Persons);
        Assert.Equal("u1", u1.PersonId);
        Assert.Equal("state-u1", TestChanges.Text(u1.State));
        Assert.Equal(["viewed_pricing", null], u1.Events.Select(e => e.EventName));
        Assert.True(u1.Events[0].Sequence > u1.ProcessedThrough);
        using var traits = JsonDocument.Parse(u1.Profile.TraitsJson);
        Assert.Equal("pro", traits.RootElement.GetProperty("plan").GetString());
        Assert.Equal("Oslo", traits.RootElement.GetProperty("city").GetString());
        Assert.False(u1.Profile.Consent["news"].Granted);
        Assert.True(u1.Profile.Consent["sms"].Granted);
        Assert.Null(await Store.Persons.GetProfileAsync(ws, "anon-3"));
    }
}
