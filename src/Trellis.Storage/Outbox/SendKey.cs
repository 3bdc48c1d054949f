namespace Trellis.Storage;

/// <summary>
/// Identifies one logical send within a workspace: the same decision of the same journey instance at the
/// same step. Inserting an outbox entry whose key exists does nothing, so engine work that is retried
/// (e.g. after a crash before commit) never queues a message twice.
/// </summary>
/// <param name="DecisionSequence">Distinguishes repeated decisions at one step (a loop back to it).</param>
public sealed record SendKey(string PersonId, string JourneyInstance, string StepId, long DecisionSequence);
