using static Trellis.Storage.Tests.TestEvents;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Opening_an_existing_database_again_migrates_nothing_and_keeps_the_data()
    {
        var ws = await NewWorkspaceAsync();
        await AppendAsync(ws, Track("u1", "a"));

        var reopened = await OpenAnotherStoreAsync();
        var reopenedAgain = await OpenAnotherStoreAsync();

        Assert.Single(await reopened.Events.ReadAsync(ws, "u1", 0, 10));
        Assert.NotNull(await reopenedAgain.Workspaces.GetAsync(ws));
    }
}
