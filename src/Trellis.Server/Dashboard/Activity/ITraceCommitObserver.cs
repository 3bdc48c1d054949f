using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// Told about engine work after it is durably committed (never before, never for a rolled-back unit), with the
/// changes exactly as recorded: how the dashboard keeps its counters current without reading the trace per page.
/// </summary>
public interface ITraceCommitObserver
{
    void Committed(IReadOnlyList<PersonChanges> changes);
}
