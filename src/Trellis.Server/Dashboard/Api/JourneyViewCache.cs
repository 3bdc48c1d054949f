using System.Collections.Concurrent;
using Trellis.Server.Admin;
using Trellis.Server.Dashboard.Graph;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// Validated, drawn journeys, kept per stored version: validating and laying out a journey takes milliseconds,
/// too much to repeat on every page. An entry is redone after <see cref="MaxAge"/> because templates in the
/// content folder (which validation checks against) can change without a new journey version.
/// </summary>
public sealed class JourneyViewCache(ContentFolder content, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(WorkspaceId, string), (JourneyView View, DateTimeOffset At)> _views = new();

    public JourneyView Get(JourneyRecord record)
    {
        var key = (record.Workspace, record.JourneyId);
        var now = time.GetUtcNow();
        if (_views.TryGetValue(key, out var cached) && cached.View.Record.Version == record.Version && now - cached.At < MaxAge)
        {
            // Status changes keep the version: take the status from the fresh record.
            return cached.View with { Record = record };
        }

        var validation = JourneyUploadValidator.Validate(record.JourneyId, record.SourceYaml, content);
        var definition = validation.Journey;
        var view = new JourneyView(record, definition, validation.Errors, definition is null ? null : JourneyGraphBuilder.Build(definition));
        _views[key] = (view, now);
        return view;
    }
}
