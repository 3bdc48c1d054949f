using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// The one way each kind of effect row is written, shared by the direct APIs and the engine's commit so
/// both follow the same rules (normalized addresses, newest consent wins, send key inserted once).
/// </summary>
internal static class SqliteRowWriters
{
    public static int UpsertConsent(ISqliteSession session, WorkspaceId workspace, string personId, ConsentRecord consent) =>
        session.Command("UpsertConsent")
            .Bind("$ws", workspace)
            .Bind("$person", personId)
            .Bind("$topic", consent.Topic)
            .Bind("$granted", consent.Granted)
            .Bind("$source", consent.Source)
            .Bind("$at", consent.At)
            .ExecuteNonQuery();

    public static int UpsertSuppression(ISqliteSession session, WorkspaceId workspace, Suppression suppression) =>
        session.Command("UpsertSuppression")
            .Bind("$ws", workspace)
            .Bind("$channel", suppression.Channel)
            .Bind("$address", Suppression.NormalizeAddress(suppression.Address))
            .Bind("$reason", suppression.Reason)
            .Bind("$at", suppression.At)
            .ExecuteNonQuery();

    /// <summary>Returns 1 when inserted, 0 when the send key already existed.</summary>
    public static int InsertOutbox(ISqliteSession session, WorkspaceId workspace, OutboxMessage message, Instant now) =>
        session.Prepared("InsertOutbox")
            .Bind("$ws", workspace)
            .Bind("$person", message.Key.PersonId)
            .Bind("$journey_instance", message.Key.JourneyInstance)
            .Bind("$step_id", message.Key.StepId)
            .Bind("$decision_seq", message.Key.DecisionSequence)
            .Bind("$channel", message.Channel)
            .Bind("$payload", message.PayloadJson)
            .Bind("$available_at", message.AvailableAt)
            .Bind("$now", now)
            .Execute();

    /// <summary>Writes one commit's trace rows of a person (encoded by <see cref="TraceBatch"/>: almost always one).</summary>
    public static void InsertTrace(ISqliteSession session, WorkspaceId workspace, string personId, IReadOnlyList<string> rows)
    {
        foreach (var row in rows)
        {
            session.Prepared("InsertTrace")
                .Bind("$ws", workspace)
                .Bind("$person", personId)
                .Bind("$lines", row)
                .Execute();
        }
    }

    /// <summary>Stores an in-app message; 0 when its send (or its id) already has one, which then stands.</summary>
    public static int InsertInbox(ISqliteSession session, WorkspaceId workspace, InboxMessage message) =>
        session.Prepared("InsertInboxMessage")
            .Bind("$ws", workspace)
            .Bind("$id", message.Id)
            .Bind("$person", message.PersonId)
            .Bind("$send", message.SendId)
            .Bind("$title", message.Title)
            .Bind("$body", message.Body)
            .Bind("$metadata", MetadataJson.Write(message.Metadata))
            .Bind("$created", message.CreatedAt)
            .Execute();
}
