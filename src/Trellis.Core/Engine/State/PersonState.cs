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

    /// <summary>Active journey instances in the order they entered; null when none.</summary>
    public JourneyInstance[]? Instances { get; set; }

    /// <summary>Recent sends (see <see cref="PackedSends"/>), kept as long as a cap or arbitration window can see them.</summary>
    public ulong[]? SendLog { get; set; }

    /// <summary>Last entry time per unkeyed journey with a re-entry limit (see <see cref="PackedEntries"/>).</summary>
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

    public void AddInstance(JourneyInstance instance)
    {
        var n = Instances?.Length ?? 0;
        var grown = new JourneyInstance[n + 1];
        Instances?.CopyTo(grown, 0);
        grown[n] = instance;
        Instances = grown;
    }

    /// <summary>Drops the instances that ended during a turn.</summary>
    public void RemoveEnded()
    {
        if (Instances is not { } all)
        {
            return;
        }

        var kept = 0;
        foreach (var i in all)
        {
            kept += i.Ended ? 0 : 1;
        }

        if (kept == all.Length)
        {
            return;
        }

        Instances = kept == 0 ? null : all.Where(i => !i.Ended).ToArray();
    }
}
