using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// Records a person's consent from outside the engine — unsubscribe, preference centre, provider opt-outs — so
/// the next decision honours it: the consent store (what the admin API shows, and what the dispatcher checks
/// before a send decided earlier leaves), plus an <c>identify</c> with <c>traits.consent</c> in the event log,
/// which is where the engine reads consent from; then it wakes the engine so that happens within a second.
/// </summary>
public sealed class ConsentWriter(ITrellisStore store, IServiceProvider services, IClock clock)
{
    // Optional: without the engine's signal it still sees the event on its next (sub-second) check.
    private readonly WorkSignal? _engine = services.GetService<WorkSignal>();

    /// <returns>False when the person was erased (nothing is recorded for them).</returns>
    public async Task<bool> RecordAsync(WorkspaceId workspace, string personId, IReadOnlyDictionary<string, bool> consent, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (consent.Count == 0)
        {
            return true;
        }

        var now = clock.GetCurrentInstant();
        var appended = await store.Events.AppendAsync(workspace, [RecipientEvents.ConsentIdentify(personId, consent, source, now)], cancellationToken);
        if (appended.RefusedCount > 0)
        {
            return false;
        }

        foreach (var (topic, granted) in consent)
        {
            await store.Consent.RecordAsync(workspace, personId, new ConsentRecord(topic, granted, source, now), cancellationToken);
        }

        _engine?.Notify();
        return true;
    }
}
