using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Trellis.Server.Delivery;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// Appends engagement (opened, clicked, delivered, bounced) as a track event on the person, which the engine maps
/// to the send step's outcome (<c>step("id").opened</c>). The caller picks the message id, so a repeat of the same
/// engagement is a duplicate the event log ignores.
/// </summary>
public sealed class EngagementRecorder(ITrellisStore store, IServiceProvider services, IClock clock)
{
    private readonly WorkSignal? _engine = services.GetService<WorkSignal>();

    /// <returns>True when the event was new (not a duplicate, not for an erased person).</returns>
    public async Task<bool> RecordAsync(WorkspaceId workspace, string personId, string eventName, SendReference send, string messageId, string source,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? extra = null)
    {
        var incoming = RecipientEvents.Engagement(personId, eventName, send, messageId, source, clock.GetCurrentInstant(), extra);
        var appended = await store.Events.AppendAsync(workspace, [incoming], cancellationToken);
        if (appended.AppendedCount == 0)
        {
            return false;
        }

        _engine?.Notify();
        return true;
    }
}
