using Trellis.Server.Dashboard.Activity;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>What pages say about the live counters: complete, still being recounted (how far), or partial.</summary>
internal static class CountersStatus
{
    public static object Of(JourneyActivity activity, WorkspaceId workspace)
    {
        var progress = activity.Progress(workspace);
        return new
        {
            complete = activity.IsComplete && activity.Problem is null,
            recounting = !activity.IsComplete,
            peopleRecounted = progress?.People ?? 0,
            problem = activity.Problem,
        };
    }
}
