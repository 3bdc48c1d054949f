using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Hosting;

/// <summary>
/// At startup, stores the content folder's valid journeys in the workspace as live when the store does not
/// have them yet, so the example content runs on a fresh clone. A journey already stored (uploaded, paused,
/// edited through the API) is left as it is: the store, not the folder, is the truth after the first start.
/// </summary>
internal static class ContentJourneySeeder
{
    public static async Task<int> SeedAsync(ITrellisStore store, WorkspaceId workspace, ContentFolder content, IClock clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (content.Path is null)
        {
            logger.LogInformation("No content folder (Trellis:Content:Path): starting without journeys.");
            return 0;
        }

        var set = content.Load();
        foreach (var diagnostic in set.Diagnostics)
        {
            logger.LogWarning("Content problem, left out: {Diagnostic}", diagnostic.ToString());
        }

        var seeded = 0;
        foreach (var journey in set.Journeys)
        {
            if (await store.Journeys.GetAsync(workspace, journey.Id, cancellationToken) is not null)
            {
                continue;
            }

            var source = await File.ReadAllTextAsync(journey.Location.File, cancellationToken);
            var now = clock.GetCurrentInstant();
            try
            {
                await store.Journeys.SaveSourceAsync(workspace, journey.Id, source, now, expectedVersion: 0, cancellationToken);
            }
            catch (VersionConflictException)
            {
                continue; // another process seeded it first
            }

            await store.Journeys.SetStatusAsync(workspace, journey.Id, JourneyStatus.Live, "loaded from the content folder", now, cancellationToken);
            seeded++;
        }

        logger.LogInformation("Content folder {Path}: {Journeys} journeys, {Templates} templates; {Seeded} new journeys stored as live.",
            content.Path, set.Journeys.Count, set.Templates.Count, seeded);
        return seeded;
    }
}
