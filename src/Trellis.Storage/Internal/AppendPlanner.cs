namespace Trellis.Storage.Internal;

/// <summary>
/// Identity resolution for an append, identical on every backend: from the stored aliases of the batch's
/// ids and the set of erased ids, decides per event whether it is a duplicate within the batch, refused
/// (erased), or stored under which canonical person, and which persons merge.
/// </summary>
/// <remarks>
/// Rules: an event belongs to resolve(userId ?? anonymousId), where resolve follows the alias table. A call
/// with both ids (or an alias call) links the other id to the user: the first link of an id wins (an
/// anonymous id that already belongs to someone stays theirs). Linking an id that is a person of its own
/// merges that person into the user. Events are placed by the aliases as they stand at the end of the batch,
/// which gives the same result as applying the batch one call at a time, since merges move all events.
/// An event is refused when any of its ids, or the person one resolves to, is erased.
/// </remarks>
internal static class AppendPlanner
{
    /// <summary>Every id the batch mentions: look these up in the alias and tombstone tables.</summary>
    public static IReadOnlyList<string> IdsOf(IReadOnlyList<IncomingEvent> events)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            foreach (var id in IdsOf(e))
            {
                ids.Add(id);
            }
        }

        return ids.ToArray();
    }

    /// <param name="storedAliases">alias id → canonical person id, for (at least) the ids of the batch.</param>
    /// <param name="isErased">Whether an id has a tombstone.</param>
    public static AppendPlan Plan(
        IReadOnlyList<IncomingEvent> events,
        IReadOnlyDictionary<string, string> storedAliases,
        Func<string, bool> isErased)
    {
        var aliases = new Dictionary<string, string>(storedAliases, StringComparer.Ordinal);
        string Resolve(string id) => aliases.TryGetValue(id, out var person) ? person : id;

        var statuses = new AppendStatus[events.Count];
        var messageIds = new HashSet<string>(StringComparer.Ordinal);
        var merges = new List<PersonMerge>();

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            EventValidation.Validate(e);
            if (!messageIds.Add(e.MessageId))
            {
                statuses[i] = AppendStatus.Duplicate;
                continue;
            }

            if (MentionsErased(e, Resolve, isErased))
            {
                statuses[i] = AppendStatus.RefusedErased;
                continue;
            }

            statuses[i] = AppendStatus.Appended;
            var linked = e.LinkedId;
            if (linked is null || linked == e.UserId || aliases.ContainsKey(linked))
            {
                continue;
            }

            var into = Resolve(e.UserId!);
            if (into == linked)
            {
                continue;
            }

            merges.Add(new PersonMerge(linked, into));
            foreach (var alias in aliases.Where(a => a.Value == linked).Select(a => a.Key).ToArray())
            {
                aliases[alias] = into;
            }

            aliases[linked] = into;
        }

        var planned = new PlannedEvent[events.Count];
        var persons = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (statuses[i] != AppendStatus.Appended)
            {
                planned[i] = new PlannedEvent(statuses[i], null);
                continue;
            }

            var person = Resolve(events[i].PrimaryId);
            persons.Add(person);
            planned[i] = new PlannedEvent(AppendStatus.Appended, person);
        }

        return new AppendPlan(planned, merges, persons.ToArray());
    }

    private static IEnumerable<string> IdsOf(IncomingEvent e)
    {
        if (!string.IsNullOrEmpty(e.UserId)) yield return e.UserId;
        if (!string.IsNullOrEmpty(e.AnonymousId)) yield return e.AnonymousId;
        if (!string.IsNullOrEmpty(e.PreviousId)) yield return e.PreviousId;
    }

    private static bool MentionsErased(IncomingEvent e, Func<string, string> resolve, Func<string, bool> isErased)
    {
        foreach (var id in IdsOf(e))
        {
            if (isErased(id) || isErased(resolve(id)))
            {
                return true;
            }
        }

        return false;
    }
}
