using NodaTime;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// The last <see cref="Capacity"/> people who reached a step, newest first: what the step panel lists, without
/// a query over the trace.
/// </summary>
internal sealed class RecentPeople
{
    public const int Capacity = 25;

    private readonly RecentPerson?[] _ring = new RecentPerson?[Capacity];
    private int _next;

    public void Add(string personId, Instant at)
    {
        _ring[_next] = new RecentPerson(personId, at, null);
        _next = (_next + 1) % Capacity;
    }

    /// <summary>Notes what the step did, on the newest entry when it is this person's.</summary>
    public void Annotate(string personId, string outcome)
    {
        var newest = (_next + Capacity - 1) % Capacity;
        if (_ring[newest] is { } entry && entry.PersonId == personId)
        {
            _ring[newest] = entry with { Outcome = outcome };
        }
    }

    public IReadOnlyList<RecentPerson> NewestFirst()
    {
        var list = new List<RecentPerson>(Capacity);
        for (var i = 1; i <= Capacity; i++)
        {
            if (_ring[(_next - i + Capacity) % Capacity] is { } entry)
            {
                list.Add(entry);
            }
        }

        return list;
    }
}
