using System.Collections.Concurrent;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Graph;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// Validated, drawn journeys, kept per stored version: validating (which reads the content folder's templates)
/// and laying out a journey takes milliseconds, too much to repeat on every page. Templates can change without a
/// new journey version, so a view older than <see cref="MaxAge"/> is rebuilt in the background while pages keep
/// showing the one they have; only a new version is built while the page waits.
/// </summary>
public sealed class JourneyViewCache(ContentFolder content, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(WorkspaceId, string), (JourneyView View, DateTimeOffset At)> _views = new();
    private readonly ConcurrentDictionary<(WorkspaceId, string), Task> _refreshing = new();

    public JourneyView Get(JourneyRecord record)
    {
        var key = (record.Workspace, record.JourneyId);
        if (!_views.TryGetValue(key, out var cached) || cached.View.Record.Version != record.Version)
        {
            return Build(key, record);
        }

        if (time.GetUtcNow() - cached.At >= MaxAge)
        {
            _ = _refreshing.GetOrAdd(key, k => Task.Run(() =>
            {
                try
                {
                    Build(k, record);
                }
                catch (IOException)
                {
                    // The content folder could not be read just now: keep the last view; the next page view retries.
                }
                finally
                {
                    _refreshing.TryRemove(k, out _);
                }
            }));
        }

        // Status changes keep the version: take the status from the fresh record.
        return cached.View with { Record = record };
    }

    private JourneyView Build((WorkspaceId, string) key, JourneyRecord record)
    {
        var validation = JourneyUploadValidator.Validate(record.JourneyId, record.SourceYaml, content);
        var definition = validation.Journey;
        var view = new JourneyView(record, definition, validation.Errors, definition is null ? null : JourneyGraphBuilder.Build(definition));
        _views[key] = (view, time.GetUtcNow());
        return view;
    }
}
