using System.Text;
using NodaTime;
using Trellis.Storage;

namespace Trellis.Storage.Tests;

/// <summary>Engine results to record in a unit of work.</summary>
internal static class TestChanges
{
    /// <summary>Marks every claimed event processed and stores a recognisable state.</summary>
    public static PersonChanges Processed(ClaimedPerson person, string state = "state", Instant? nextWakeAt = null) => new()
    {
        Workspace = person.Workspace,
        PersonId = person.PersonId,
        State = Encoding.UTF8.GetBytes(state),
        ProcessedThrough = person.Events.Count > 0 ? person.Events[^1].Sequence : person.ProcessedThrough,
        NextWakeAt = nextWakeAt,
    };

    public static OutboxMessage Send(string personId, string step = "welcome", long decision = 1, string journeyInstance = "onboarding#1") =>
        new(new SendKey(personId, journeyInstance, step, decision), "email", """{"template":"welcome"}""", TestEvents.T0);

    public static TraceEntry Trace(string type, string? step = null, Instant? at = null) =>
        new(at ?? TestEvents.T0, type, "onboarding", step, $$"""{"type":"{{type}}"}""");

    public static string Text(byte[]? state) => state is null ? "<null>" : Encoding.UTF8.GetString(state);
}
