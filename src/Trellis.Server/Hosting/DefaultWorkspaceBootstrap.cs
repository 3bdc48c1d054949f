using NodaTime;
using Trellis.Server.Auth;
using Trellis.Storage;

namespace Trellis.Server.Hosting;

/// <summary>
/// First start: creates the default workspace, with the configured keys or with random ones that are printed
/// exactly once (only their hashes are stored, so they cannot be shown again: rotate to get new ones).
/// Later starts: configured keys replace the stored hashes when they differ, so a key set in configuration
/// always works.
/// </summary>
internal static class DefaultWorkspaceBootstrap
{
    public static async Task<WorkspaceId> EnsureAsync(ITrellisStore store, TrellisSettings settings, IClock clock, TextWriter console, CancellationToken cancellationToken)
    {
        var id = new WorkspaceId(settings.DefaultWorkspace);
        var configuredWrite = NullIfBlank(settings.Keys.Write);
        var configuredSecret = NullIfBlank(settings.Keys.Secret);
        var now = clock.GetCurrentInstant();
        var existing = await store.Workspaces.GetAsync(id, cancellationToken);
        if (existing is null)
        {
            var write = configuredWrite ?? ApiKeyGenerator.New(KeyKind.Write);
            var secret = configuredSecret ?? ApiKeyGenerator.New(KeyKind.Secret);
            try
            {
                await store.Workspaces.CreateAsync(
                    new WorkspaceRecord(id, "Default", Sha256Hex.Of(write), Sha256Hex.Of(secret), now, now), cancellationToken);
                PrintGenerated(console, id, configuredWrite is null ? write : null, configuredSecret is null ? secret : null);
                return id;
            }
            catch (ConstraintViolationException)
            {
                // Another process sharing the database created it first: its keys stand (ours were never stored).
                existing = await store.Workspaces.GetAsync(id, cancellationToken)
                    ?? throw new InvalidOperationException($"Workspace '{id}' could neither be created nor read.");
            }
        }

        if (configuredWrite is not null && Sha256Hex.Of(configuredWrite) != existing.WriteKeyHash)
        {
            await store.Workspaces.RotateKeyAsync(id, KeyKind.Write, Sha256Hex.Of(configuredWrite), now, cancellationToken);
        }

        if (configuredSecret is not null && Sha256Hex.Of(configuredSecret) != existing.SecretKeyHash)
        {
            await store.Workspaces.RotateKeyAsync(id, KeyKind.Secret, Sha256Hex.Of(configuredSecret), now, cancellationToken);
        }

        return id;
    }

    private static void PrintGenerated(TextWriter console, WorkspaceId id, string? write, string? secret)
    {
        if (write is null && secret is null)
        {
            return;
        }

        console.WriteLine($"trellis: created workspace '{id}'. Its keys are shown this once (only their hashes are stored):");
        if (write is not null)
        {
            console.WriteLine($"  write key  (Segment clients, HTTP Basic user name): {write}");
        }

        if (secret is not null)
        {
            console.WriteLine($"  secret key (admin API, Authorization: Bearer):      {secret}");
        }

        console.WriteLine("  Set Trellis__Keys__Write / Trellis__Keys__Secret to choose keys, or POST /api/keys/rotate for new ones.");
        console.Flush();
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
