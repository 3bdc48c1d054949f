using Trellis.Storage;

namespace Trellis.Storage.Tests;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Workspace_is_found_by_the_hash_of_each_of_its_keys()
    {
        var id = await NewWorkspaceAsync();

        var byWrite = await Store.Workspaces.FindByKeyHashAsync(KeyKind.Write, Sha256Hex.Of("write-" + id));
        var bySecret = await Store.Workspaces.FindByKeyHashAsync(KeyKind.Secret, Sha256Hex.Of("secret-" + id));

        Assert.Equal(id, byWrite?.Id);
        Assert.Equal(id, bySecret?.Id);
        Assert.Null(await Store.Workspaces.FindByKeyHashAsync(KeyKind.Secret, Sha256Hex.Of("write-" + id)));
        Assert.Equal(T0, (await Store.Workspaces.GetAsync(id))!.CreatedAt);
    }

    [Fact]
    public async Task Rotating_a_key_retires_the_old_hash_at_once()
    {
        var id = await NewWorkspaceAsync();

        Assert.True(await Store.Workspaces.RotateKeyAsync(id, KeyKind.Write, Sha256Hex.Of("new-write"), T0.PlusSeconds(60)));

        Assert.Null(await Store.Workspaces.FindByKeyHashAsync(KeyKind.Write, Sha256Hex.Of("write-" + id)));
        var found = await Store.Workspaces.FindByKeyHashAsync(KeyKind.Write, Sha256Hex.Of("new-write"));
        Assert.Equal(id, found?.Id);
        Assert.Equal(T0.PlusSeconds(60), found!.KeysUpdatedAt);
        Assert.Equal(id, (await Store.Workspaces.FindByKeyHashAsync(KeyKind.Secret, Sha256Hex.Of("secret-" + id)))?.Id);
        Assert.False(await Store.Workspaces.RotateKeyAsync(new WorkspaceId("missing"), KeyKind.Write, "x", T0));
    }

    [Fact]
    public async Task Creating_a_workspace_twice_is_a_permanent_constraint_violation()
    {
        var id = await NewWorkspaceAsync();
        var again = new WorkspaceRecord(id, "again", Sha256Hex.Of("w2"), Sha256Hex.Of("s2"), T0, T0);

        var failure = await Assert.ThrowsAsync<ConstraintViolationException>(() => Store.Workspaces.CreateAsync(again));

        Assert.False(failure.IsTransient);
    }

    [Fact]
    public async Task Workspaces_are_listed_by_id()
    {
        var a = await NewWorkspaceAsync();
        var b = await NewWorkspaceAsync();

        var listed = await Store.Workspaces.ListAsync();

        Assert.Equal(new[] { a, b }.OrderBy(w => w.Value, StringComparer.Ordinal), listed.Select(w => w.Id));
    }
}
