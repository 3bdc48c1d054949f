namespace Trellis.Bench.Server;

/// <summary>
/// What the ingest clients send. <see cref="KnownPersons"/> 0 (the default): every event is a journey entry for a
/// new person — the worst case, where each event costs a new profile, a decision, four trace lines and an outbox
/// row. Otherwise <see cref="EntryPercent"/> of the events are such entries and the rest are page views of
/// persons drawn from a pool of <see cref="KnownPersons"/>, which no journey reacts to.
/// </summary>
public sealed record EventMix(int KnownPersons, double EntryPercent)
{
    public static readonly EventMix AllEntries = new(0, 100);

    public override string ToString() => KnownPersons == 0
        ? "every event a journey entry for a new person"
        : $"{EntryPercent:0.#} % journey entries for new persons, the rest page views of {KnownPersons:N0} known persons";
}
