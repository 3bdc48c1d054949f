using NodaTime;
using Trellis.Storage.Internal;

namespace Trellis.Storage.Sqlite;

/// <summary>
/// Applies a <see cref="PersonMerge"/> inside an append's transaction. When the known person has no row yet,
/// the linked person simply becomes them (state, watermark and events keep going). When both exist, the
/// linked person's events move over as unprocessed (new sequences past all others: the known person's
/// engine state never saw them), traits fill the known person's gaps, the newer consent per topic wins,
/// and the linked person's own engine state is dropped.
/// </summary>
internal static class SqlitePersonMerger
{
    public static void Merge(ISqliteSession session, WorkspaceId workspace, PersonMerge merge, Instant now)
    {
        session.Command("InsertAlias").Bind("$ws", workspace).Bind("$alias", merge.From).Bind("$person", merge.Into).Bind("$now", now).ExecuteNonQuery();
        session.Command("RepointAliases").Bind("$ws", workspace).Bind("$from", merge.From).Bind("$into", merge.Into).ExecuteNonQuery();

        var fromTraits = Traits(session, workspace, merge.From);
        if (fromTraits is null)
        {
            return;
        }

        var intoTraits = Traits(session, workspace, merge.Into);
        if (intoTraits is null)
        {
            Run(session, "RenamePerson", workspace, merge);
            Run(session, "MoveEvents", workspace, merge);
        }
        else
        {
            MoveEventsAsUnprocessed(session, workspace, merge);
            session.Command("SetMergedProfile")
                .Bind("$ws", workspace)
                .Bind("$into", merge.Into)
                .Bind("$traits", TraitsJson.Merge(fromTraits, intoTraits))
                .Bind("$now", now)
                .ExecuteNonQuery();
            session.Command("DeletePersonRow").Bind("$ws", workspace).Bind("$person", merge.From).ExecuteNonQuery();
        }

        Run(session, "MoveTrace", workspace, merge);
        Run(session, "MoveOutbox", workspace, merge);
        Run(session, "MergeConsents", workspace, merge);
        Run(session, "DeleteConsentsOf", workspace, merge);
    }

    private static void MoveEventsAsUnprocessed(ISqliteSession session, WorkspaceId workspace, PersonMerge merge)
    {
        if (session.Command("FirstEventSeq").Bind("$ws", workspace).Bind("$from", merge.From).Scalar() is not long first)
        {
            return;
        }

        var lastAssigned = session.Command("LastAssignedEventSeq").Scalar() as long? ?? 0;
        session.Command("MoveEventsAsUnprocessed")
            .Bind("$ws", workspace)
            .Bind("$from", merge.From)
            .Bind("$into", merge.Into)
            .Bind("$offset", lastAssigned - first + 1)
            .ExecuteNonQuery();
        session.Command("RememberLastEventSeq").ExecuteNonQuery();
    }

    private static string? Traits(ISqliteSession session, WorkspaceId workspace, string personId) =>
        session.Command("GetTraits").Bind("$ws", workspace).Bind("$person", personId).Scalar() as string;

    private static void Run(ISqliteSession session, string statement, WorkspaceId workspace, PersonMerge merge) =>
        session.Command(statement).Bind("$ws", workspace).Bind("$from", merge.From).Bind("$into", merge.Into).ExecuteNonQuery();
}
