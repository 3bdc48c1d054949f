using Trellis.Storage;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Journey_sources_are_versioned_and_keep_their_status_across_uploads()
    {
        var ws = await NewWorkspaceAsync();

        var first = await Store.Journeys.SaveSourceAsync(ws, "onboarding", "journey: onboarding\n", T0, expectedVersion: 0);
        Assert.True(await Store.Journeys.SetStatusAsync(ws, "onboarding", JourneyStatus.Live, null, T0.PlusMinutes(1)));
        var second = await Store.Journeys.SaveSourceAsync(ws, "onboarding", "journey: onboarding # v2\n", T0.PlusMinutes(2), expectedVersion: 1);

        Assert.Equal((1L, JourneyStatus.Draft), (first.Version, first.Status));
        Assert.Equal((2L, JourneyStatus.Live), (second.Version, second.Status));
        Assert.Equal("journey: onboarding # v2\n", second.SourceYaml);
        Assert.Equal(T0.PlusMinutes(2), second.UpdatedAt);
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() =>
            Store.Journeys.SaveSourceAsync(ws, "onboarding", "stale", T0, expectedVersion: 1));
        Assert.Equal(2, conflict.StoredVersion);
        Assert.Equal("journey: onboarding # v2\n", (await Store.Journeys.GetAsync(ws, "onboarding"))!.SourceYaml);
    }

    [Fact]
    public async Task A_guardrail_pause_keeps_its_reason_and_journeys_list_by_id()
    {
        var ws = await NewWorkspaceAsync();
        await Store.Journeys.SaveSourceAsync(ws, "winback", "journey: winback\n", T0);
        await Store.Journeys.SaveSourceAsync(ws, "activation", "journey: activation\n", T0);

        await Store.Journeys.SetStatusAsync(ws, "winback", JourneyStatus.PausedByGuardrail, "complaint rate 0.4% > 0.3%", T0);

        var journeys = await Store.Journeys.ListAsync(ws);
        Assert.Equal(["activation", "winback"], journeys.Select(j => j.JourneyId));
        Assert.Equal((JourneyStatus.PausedByGuardrail, "complaint rate 0.4% > 0.3%"), (journeys[1].Status, journeys[1].StatusReason));
        Assert.False(await Store.Journeys.SetStatusAsync(ws, "missing", JourneyStatus.Paused, null, T0));
        Assert.True(await Store.Journeys.DeleteAsync(ws, "winback"));
        Assert.Null(await Store.Journeys.GetAsync(ws, "winback"));
        Assert.False(await Store.Journeys.DeleteAsync(ws, "winback"));
    }
}
