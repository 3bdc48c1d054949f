using Trellis.Storage;
using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Profiles_are_read_listed_by_id_in_pages_and_counted()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("c", "x"), Track("a", "x"), Track("b", "x"));
        await ProcessAllAsync(T0.PlusSeconds(1), p => TestChanges.Processed(p) with { TraitsJson = $$"""{"name":"{{p.PersonId}}"}""" });

        var a = await Store.Persons.GetProfileAsync(ws, "a");
        var firstPage = await Store.Persons.ListProfilesAsync(ws, null, 2);
        var secondPage = await Store.Persons.ListProfilesAsync(ws, firstPage[^1].PersonId, 2);

        Assert.Contains("\"a\"", a!.TraitsJson);
        Assert.Equal(T0, a.CreatedAt);
        Assert.Equal(T0.PlusSeconds(1), a.UpdatedAt);
        Assert.Equal(["a", "b"], firstPage.Select(p => p.PersonId));
        Assert.Equal(["c"], secondPage.Select(p => p.PersonId));
        Assert.Equal(3, await Store.Persons.CountAsync(ws));
        Assert.Null(await Store.Persons.GetProfileAsync(ws, "nobody"));
    }

    [Fact]
    public async Task A_new_person_has_an_empty_traits_object()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "x"));

        var profile = await Store.Persons.GetProfileAsync(ws, "u1");

        Assert.Equal("{}", profile!.TraitsJson.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_trace_reads_back_in_recorded_order_in_pages()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "x"));
        await ProcessAllAsync(T0, p => TestChanges.Processed(p, nextWakeAt: T0) with
        {
            Trace = [TestChanges.Trace("enter"), TestChanges.Trace("step", "welcome"), TestChanges.Trace("send", "welcome")],
        });
        await ProcessAllAsync(T0, p => TestChanges.Processed(p) with { Trace = [TestChanges.Trace("exit", at: T0.PlusDays(1))] });

        var all = await Store.Persons.ReadTraceAsync(ws, "u1", 0, 100);
        var page = await Store.Persons.ReadTraceAsync(ws, "u1", all[1].Sequence, 1);

        Assert.Equal(["enter", "step", "send", "exit"], all.Select(t => t.Entry.Type));
        Assert.Equal("welcome", all[1].Entry.StepId);
        Assert.Equal("onboarding", all[1].Entry.JourneyId);
        Assert.Equal(T0.PlusDays(1), all[3].Entry.At);
        Assert.Contains("\"exit\"", all[3].Entry.DetailsJson);
        Assert.Equal(["send"], page.Select(t => t.Entry.Type));
    }
}
