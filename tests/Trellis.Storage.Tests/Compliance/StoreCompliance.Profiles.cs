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

    [Fact]
    public async Task Paging_the_trace_with_any_page_size_returns_every_line_once_in_order_and_only_the_persons_own()
    {
        var ws = await NewWorkspaceAsync();
        var expected = new List<string>();
        for (var commit = 0; commit < 4; commit++)
        {
            await AppendAsync(ws, Track("u1", "x"), Track("u2", "x"));
            var lines = Enumerable.Range(0, commit + 1).Select(i => $"c{commit}-l{i}").ToList();
            expected.AddRange(lines);
            await ProcessAllAsync(T0, p => TestChanges.Processed(p) with
            {
                // Each commit writes 1..4 lines for u1, and one line for u2 between them.
                Trace = p.PersonId == "u1" ? lines.Select(l => TestChanges.Trace(l)).ToList() : [TestChanges.Trace("other")],
            });
        }

        for (var pageSize = 1; pageSize <= expected.Count + 1; pageSize++)
        {
            var read = new List<StoredTraceEntry>();
            var after = 0L;
            while (true)
            {
                var page = await Store.Persons.ReadTraceAsync(ws, "u1", after, pageSize);
                Assert.True(page.Count <= pageSize);
                read.AddRange(page);
                if (page.Count < pageSize)
                {
                    break;
                }

                after = page[^1].Sequence;
            }

            Assert.Equal(expected, read.Select(l => l.Entry.Type));
            Assert.All(read, l => Assert.Equal("u1", l.PersonId));
            Assert.Equal(read.Select(l => l.Sequence).Order(), read.Select(l => l.Sequence));
            Assert.Equal(read.Count, read.Select(l => l.Sequence).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_commit_with_more_trace_lines_than_one_stored_row_holds_reads_back_whole()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "x"));
        const int Lines = 4096 + 5;
        await ProcessAllAsync(T0, p => TestChanges.Processed(p) with
        {
            Trace = Enumerable.Range(0, Lines).Select(i => TestChanges.Trace("step", "s" + i)).ToList(),
        });

        var all = await Store.Persons.ReadTraceAsync(ws, "u1", 0, int.MaxValue);
        var tail = await Store.Persons.ReadTraceAsync(ws, "u1", all[4094].Sequence, 3);

        Assert.Equal(Enumerable.Range(0, Lines).Select(i => "s" + i), all.Select(l => l.Entry.StepId));
        Assert.Equal(["s4095", "s4096", "s4097"], tail.Select(l => l.Entry.StepId));
    }
}
