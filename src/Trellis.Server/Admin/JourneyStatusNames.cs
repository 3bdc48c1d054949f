using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>How the admin API spells journey statuses: <c>draft</c>, <c>live</c>, <c>paused</c>, <c>paused_by_guardrail</c>.</summary>
internal static class JourneyStatusNames
{
    public static string Of(JourneyStatus status) => status switch
    {
        JourneyStatus.Draft => "draft",
        JourneyStatus.Live => "live",
        JourneyStatus.Paused => "paused",
        JourneyStatus.PausedByGuardrail => "paused_by_guardrail",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
