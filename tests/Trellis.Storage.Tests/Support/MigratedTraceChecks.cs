using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

/// <summary>
/// What both backends' trace migration tests check once the store has migrated a version-4 trace: the lines the old
/// version wrote read back unchanged and in order, and the engine's next commit comes after them.
/// </summary>
internal static class MigratedTraceChecks
{
    /// <summary>u1's lines as written before the upgrade: enter (with holdout) at T0, then send at T0 + 1 min.</summary>
    public static async Task<IReadOnlyList<StoredTraceEntry>> OldLinesReadBackAsync(ITrellisStore store, WorkspaceId ws)
    {
        var migrated = await store.Persons.ReadTraceAsync(ws, "u1", 0, 100);
        Assert.Equal(
            [(T0, "enter", "onboarding", (string?)null), (T0.PlusMinutes(1), "send", "onboarding", "welcome")],
            migrated.Select(l => (l.Entry.At, l.Entry.Type, l.Entry.JourneyId, l.Entry.StepId)));
        Assert.Contains("\"holdout\"", migrated[0].Entry.DetailsJson, StringComparison.Ordinal);
        Assert.Contains("café ☕", migrated[1].Entry.DetailsJson, StringComparison.Ordinal);
        return migrated;
    }

    /// <summary>The engine's next commit for u1 comes after the migrated lines, and paging from the last one finds it.</summary>
    public static async Task NewLinesComeAfterAsync(ITrellisStore store, WorkspaceId ws, IReadOnlyList<StoredTraceEntry> migrated)
    {
        await store.Events.AppendAsync(ws, [Track("u1", "later")]);
        await using (var unit = await store.Work.ClaimAsync(T0.PlusHours(1), 10))
        {
            unit.Record(TestChanges.Processed(Assert.Single(unit.Persons)) with
            {
                Trace = [TestChanges.Trace("exit", at: T0.PlusHours(1))],
            });
            await unit.CommitAsync();
        }

        var after = await store.Persons.ReadTraceAsync(ws, "u1", migrated[^1].Sequence, 100);
        Assert.Equal(["exit"], after.Select(l => l.Entry.Type));
        Assert.True(after[0].Sequence > migrated[^1].Sequence);
    }
}
