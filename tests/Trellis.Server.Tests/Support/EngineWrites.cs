using NodaTime;
using Trellis.Storage;

namespace Trellis.Server.Tests;

/// <summary>Writes what the engine would (traits and trace) for one person through a claim, as the worker does.</summary>
internal static class EngineWrites
{
    public static async Task WriteAsync(ITrellisStore store, string personId, string? traitsJson, params TraceEntry[] trace)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await using var unit = await store.Work.ClaimAsync(SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(3650), 100);
            var person = unit.Persons.FirstOrDefault(p => p.PersonId == personId);
            if (person is not null)
            {
                unit.Record(new PersonChanges
                {
                    Workspace = person.Workspace,
                    PersonId = person.PersonId,
                    State = person.State ?? [],
                    ProcessedThrough = person.Events.Count > 0 ? person.Events[^1].Sequence : person.ProcessedThrough,
                    TraitsJson = traitsJson,
                    Trace = trace,
                });
                await unit.CommitAsync();
                return;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"could not claim {personId}");
    }
}
