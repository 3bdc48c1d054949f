using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine;

/// <summary>
/// Which events a workspace's expressions read from history (count, performed, last). Only those are kept per
/// person: an event that no expression counts costs nothing to remember.
/// </summary>
internal static class HistoryEvents
{
    public static HashSet<string> Of(Workspace workspace)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var journey in workspace.Journeys)
        {
            foreach (var expression in journey.Expressions())
            {
                names.UnionWith(expression.ReferencedEvents);
            }
        }

        return names;
    }
}
