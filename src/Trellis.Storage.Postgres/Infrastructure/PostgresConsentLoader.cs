using Npgsql;

namespace Trellis.Storage.Postgres;

/// <summary>Loads the consent of many persons in one query (profiles, claims).</summary>
internal static class PostgresConsentLoader
{
    public static async Task<Dictionary<(string Workspace, string Person), Dictionary<string, ConsentRecord>>> LoadAsync(
        PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction? transaction,
        IReadOnlyList<(WorkspaceId Workspace, string PersonId)> persons, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, string), Dictionary<string, ConsentRecord>>();
        if (persons.Count == 0)
        {
            return result;
        }

        await using var command = database.Command("ConsentsOf", connection, transaction);
        command.Parameters
            .TextArray("ws_ids", persons.Select(p => p.Workspace.Value))
            .TextArray("person_ids", persons.Select(p => p.PersonId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await ReadAsync(reader, result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads rows of ConsentsOf (workspace_id, person_id, topic, granted, source, at) into the map.</summary>
    public static async Task ReadAsync(NpgsqlDataReader reader, Dictionary<(string Workspace, string Person), Dictionary<string, ConsentRecord>> into, CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!into.TryGetValue(key, out var topics))
            {
                topics = new Dictionary<string, ConsentRecord>(StringComparer.Ordinal);
                into.Add(key, topics);
            }

            var consent = PostgresRows.Consent(reader, first: 2);
            topics[consent.Topic] = consent;
        }
    }
}
