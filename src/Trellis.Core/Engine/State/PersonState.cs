using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;

namespace Trellis.Core.Engine.State;

/// <summary>
/// Everything the engine knows about one person. The engine changes it in place while it handles an input
/// (the shell owns it, persists it after, and never shares it between threads). Laid out for millions of
/// people: exact-size arrays, packed logs, rare parts in <see cref="Extras"/>, nothing allocated until used.
/// </summary>
public sealed class PersonState(string id)
{
    private static readonly Dictionary<string, Value> NoTraits = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    /// <summary>Profile traits (including the <c>consent</c> map); null until the first trait is set.</summary>
    public Dictionary<string, Value>? Traits { get; set; }

    public IReadOnlyDictionary<string, Value> TraitsOrEmpty => Traits ?? NoTraits;

    /// <summary>Occurrences of the events that expressions count (count, performed, last).</summary>
    public EventHistory? History { get; set; }

    private object? _instances; // see InstanceList: null, one instance, or an array of them

    /// <summary>Active journey instances in the order they entered.</summary>
    public InstanceList Instances => new(_instances);

    /// <summary>Recent sends (see <see cref="PackedSends"/>), kept as long as a cap or arbitration window can see them.</summary>
    public ulong[]? SendLog { get; set; }

    /// <summary>
    /// Last entry time per unkeyed journey with a re-entry limit (see <see cref="PackedEntries"/>), written when an
    /// instance ends: while it runs, the instance itself holds its entry time.
    /// </summary>
    public ulong[]? Entries { get; set; }

    public PersonExtras? Extras { get; set; }

    /// <summary>Number given to the next instance (per-person sequence).</summary>
    public int NextInstanceNumber { get; set; } = 1;

    public PersonExtras EnsureExtras() => Extras ??= new PersonExtras();

    public Value Trait(string name) => Traits is { } t && t.TryGetValue(name, out var v) ? v : Value.Null;

    public bool IsSuppressed(Channel channel, string address) =>
        Extras?.Suppressed is { } s && s.Contains(SuppressionKey(channel, address));

    /// <summary>Addresses compare case-insensitively (ASCII), as the suppression list stores them.</summary>
    public static string SuppressionKey(Channel channel, string address) => channel.Name() + ":" + address.Trim().ToLowerInvariant();

    /// <summary>Remembers that the person entered a journey (for this key, when keyed) at <paramref name="at"/>, for re-entry limits.</summary>
    public void RememberEntry(int journey, string? key, Instant at)
    {
        if (key is null)
        {
            Entries = PackedEntries.Set(Entries, journey, at);
            return;
        }

        var keyed = EnsureExtras().KeyedEntries ??= [];
        if (FindKeyedEntry(keyed, journey, key) is { } previous)
        {
            previous.At = at;
        }
        else
        {
            keyed.Add(new EntryRecord(journey, key, at));
        }
    }

    /// <summary>When the person last entered the journey (for this key, when keyed), as remembered by <see cref="RememberEntry"/>.</summary>
    public Instant? LastEntry(int journey, string? key) =>
        key is null
            ? PackedEntries.Find(Entries, journey)
            : Extras?.KeyedEntries is { } keyed ? FindKeyedEntry(keyed, journey, key)?.At : null;

    public void AddInstance(JourneyInstance instance)
    {
        switch (_instances)
        {
            case null:
                _instances = instance;
                break;
            case JourneyInstance one:
                _instances = new[] { one, instance };
                break;
            default:
                var all = (JourneyInstance[])_instances;
                var grown = new JourneyInstance[all.Length + 1];
                all.CopyTo(grown, 0);
                grown[^1] = instance;
                _instances = grown;
                break;
        }
    }

    /// <summary>Drops the instances that ended during a turn (a new list: views taken before keep theirs).</summary>
    public void RemoveEnded()
    {
        switch (_instances)
        {
            case null:
                return;
            case JourneyInstance one:
                if (one.Ended)
                {
                    _instances = null;
                }

                return;
        }

        var all = (JourneyInstance[])_instances;
        var kept = 0;
        foreach (var i in all)
        {
            kept += i.Ended ? 0 : 1;
        }

        if (kept == all.Length)
        {
            return;
        }

        if (kept <= 1)
        {
            _instances = kept == 0 ? null : Array.Find(all, i => !i.Ended);
            return;
        }

        var left = new JourneyInstance[kept];
        var n = 0;
        foreach (var i in all)
        {
            if (!i.Ended)
            {
                left[n++] = i;
            }
        }

        _instances = left;
    }

    private static EntryRecord? FindKeyedEntry(List<EntryRecord> entries, int journey, string key)
    {
        foreach (var e in entries)
        {
            if (e.Journey == journey && e.Key == key)
            {
                return e;
            }
        }

        return null;
    }
}
