using Npgsql;
using NodaTime;

namespace Trellis.Storage.Postgres;

/// <summary>
/// Adds the set-based effect statements of effects.sql to a batch: the engine's commit passes many rows,
/// the direct APIs one, and both get the same rules (normalized addresses, newest consent wins, a send key
/// inserted once). Nothing is added for an empty list.
/// </summary>
internal static class PostgresEffectRows
{
    /// <summary>Each person's trace rows of this commit (encoded by TraceBatch: almost always one).</summary>
    public static void AddTrace(NpgsqlBatch batch, PostgresDatabase database, IReadOnlyList<(WorkspaceId Workspace, string PersonId, IReadOnlyList<string> Rows)> persons)
    {
        var rows = persons
            .SelectMany(p => p.Rows.Select(lines => (p.Workspace, p.PersonId, Lines: lines)))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        batch.Add(database, "InsertTraceRows")
            .TextArray("ws_ids", rows.Select(r => r.Workspace.Value))
            .TextArray("person_ids", rows.Select(r => r.PersonId))
            .TextArray("lines", rows.Select(r => r.Lines));
    }

    public static void AddOutbox(NpgsqlBatch batch, PostgresDatabase database, IReadOnlyList<(WorkspaceId Workspace, OutboxMessage Message)> rows, Instant now)
    {
        if (rows.Count == 0)
        {
            return;
        }

        batch.Add(database, "InsertOutboxRows")
            .TextArray("ws_ids", rows.Select(r => r.Workspace.Value))
            .TextArray("person_ids", rows.Select(r => r.Message.Key.PersonId))
            .TextArray("journey_instances", rows.Select(r => r.Message.Key.JourneyInstance))
            .TextArray("step_ids", rows.Select(r => r.Message.Key.StepId))
            .BigintArray("decision_seqs", rows.Select(r => r.Message.Key.DecisionSequence))
            .TextArray("channels", rows.Select(r => r.Message.Channel))
            .TextArray("payloads", rows.Select(r => r.Message.PayloadJson))
            .TimeArray("available_ats", rows.Select(r => r.Message.AvailableAt))
            .Time("now", now);
    }

    public static void AddConsent(NpgsqlBatch batch, PostgresDatabase database, IReadOnlyList<(WorkspaceId Workspace, string PersonId, ConsentRecord Consent)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        batch.Add(database, "UpsertConsentRows")
            .TextArray("ws_ids", rows.Select(r => r.Workspace.Value))
            .TextArray("person_ids", rows.Select(r => r.PersonId))
            .TextArray("topics", rows.Select(r => r.Consent.Topic))
            .BooleanArray("granteds", rows.Select(r => r.Consent.Granted))
            .TextArray("sources", rows.Select(r => r.Consent.Source))
            .TimeArray("ats", rows.Select(r => r.Consent.At));
    }

    /// <summary>
    /// One row per (workspace, channel, address), the latest, sorted by that key: an upsert may touch a row
    /// only once per statement, and a fixed lock order keeps concurrent writers from deadlocking.
    /// </summary>
    public static void AddSuppressions(NpgsqlBatch batch, PostgresDatabase database, IEnumerable<(WorkspaceId Workspace, Suppression Suppression)> rows)
    {
        var unique = rows
            .Select(r => (r.Workspace, Suppression: r.Suppression with { Address = Suppression.NormalizeAddress(r.Suppression.Address) }))
            .GroupBy(r => (r.Workspace.Value, r.Suppression.Channel, r.Suppression.Address))
            .Select(g => g.MaxBy(r => r.Suppression.At))
            .OrderBy(r => r.Workspace.Value, StringComparer.Ordinal)
            .ThenBy(r => r.Suppression.Channel, StringComparer.Ordinal)
            .ThenBy(r => r.Suppression.Address, StringComparer.Ordinal)
            .ToList();
        if (unique.Count == 0)
        {
            return;
        }

        batch.Add(database, "UpsertSuppressionRows")
            .TextArray("ws_ids", unique.Select(r => r.Workspace.Value))
            .TextArray("channels", unique.Select(r => r.Suppression.Channel))
            .TextArray("addresses", unique.Select(r => r.Suppression.Address))
            .TextArray("reasons", unique.Select(r => r.Suppression.Reason))
            .TimeArray("ats", unique.Select(r => r.Suppression.At));
    }
}
