using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>The store's work queue, handing out units that report their commit (see <see cref="ObservedWorkUnit"/>).</summary>
public sealed class ObservedWorkQueue(IWorkQueue inner, JourneyActivity activity) : IWorkQueue
{
    public async Task<IWorkUnit> ClaimAsync(Instant now, int max, CancellationToken cancellationToken = default)
    {
        var unit = await inner.ClaimAsync(now, max, cancellationToken);
        return unit.Persons.Count == 0 ? unit : new ObservedWorkUnit(unit, activity);
    }

    public Task<Instant?> EarliestWakeAsync(CancellationToken cancellationToken = default) => inner.EarliestWakeAsync(cancellationToken);
}
