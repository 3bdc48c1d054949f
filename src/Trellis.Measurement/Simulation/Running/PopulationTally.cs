using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Measurement.Simulation.Planning;

namespace Trellis.Measurement.Simulation.Running;

/// <summary>
/// The simulation's own counters for one partition: population make-up, events, engagement, messages per person
/// per week, and collisions between journeys. Per-person arrays (a byte per person-week and per person-journey)
/// are folded into histograms by <see cref="Finish"/>; folded tallies merge by addition.
/// </summary>
internal sealed class PopulationTally
{
    public const int Engagements = 4; // sent, delivered, opened, clicked

    private readonly int _journeys;
    private readonly int _weeks;
    private byte[]? _weeklyAll;
    private byte[]? _weeklyMarketing;
    private byte[]? _open;
    private byte[]? _distinctOpen;
    private bool[]? _everInTwo;

    public PopulationTally(SimulationPlan plan, int people, int journeys, int weeks)
    {
        _journeys = journeys;
        _weeks = weeks;
        Personas = new long[plan.Personas.Length];
        Timezones = new long[plan.Model.Timezones.Values.Count];
        ConsentYes = new long[plan.Model.Consent.Count];
        ConsentNo = new long[plan.Model.Consent.Count];
        Events = new long[plan.Events.Count];
        Overlaps = new long[journeys * journeys];
        _weeklyAll = new byte[(long)people * weeks];
        _weeklyMarketing = new byte[(long)people * weeks];
        _open = new byte[(long)people * journeys];
        _distinctOpen = new byte[people];
        _everInTwo = new bool[people];
    }

    public long People { get; set; }

    public long[] Personas { get; }

    public long[] Timezones { get; }

    public long[] Reachable { get; } = new long[Enum.GetValues<Channel>().Length];

    public long[] ConsentYes { get; }

    public long[] ConsentNo { get; }

    public long[] Events { get; }

    /// <summary>[channel × 4]: sent, delivered, opened, clicked.</summary>
    public long[] Engagement { get; } = new long[Enum.GetValues<Channel>().Length * Engagements];

    /// <summary>[a × journeys + b]: times a person entered journey a while in journey b.</summary>
    public long[] Overlaps { get; }

    public long PeopleInTwoOrMore { get; set; }

    /// <summary>Person-weeks by number of messages that week (255 means 255 or more).</summary>
    public long[] WeeklyAll { get; } = new long[256];

    public long[] WeeklyMarketing { get; } = new long[256];

    public void RecordSend(int person, int week, bool marketing)
    {
        if (week < 0 || week >= _weeks)
        {
            return; // only whole weeks are counted
        }

        var i = (long)person * _weeks + week;
        Bump(_weeklyAll!, i);
        if (marketing)
        {
            Bump(_weeklyMarketing!, i);
        }
    }

    public void RecordEnter(int person, int journey)
    {
        var slot = (long)person * _journeys + journey;
        var open = _open!;
        if (open[slot] == 0)
        {
            var row = (long)person * _journeys;
            for (var other = 0; other < _journeys; other++)
            {
                if (other != journey && open[row + other] > 0)
                {
                    Overlaps[journey * _journeys + other]++;
                }
            }

            if (++_distinctOpen![person] >= 2 && !_everInTwo![person])
            {
                _everInTwo[person] = true;
                PeopleInTwoOrMore++;
            }
        }

        Bump(open, slot);
    }

    public void RecordExit(int person, int journey)
    {
        var slot = (long)person * _journeys + journey;
        if (_open![slot] > 0 && --_open[slot] == 0)
        {
            _distinctOpen![person]--;
        }
    }

    /// <summary>Folds the per-person arrays into histograms and lets them go.</summary>
    public void Finish()
    {
        foreach (var count in _weeklyAll!)
        {
            WeeklyAll[count]++;
        }

        foreach (var count in _weeklyMarketing!)
        {
            WeeklyMarketing[count]++;
        }

        _weeklyAll = _weeklyMarketing = _open = _distinctOpen = null;
        _everInTwo = null;
    }

    public void Merge(PopulationTally other)
    {
        People += other.People;
        PeopleInTwoOrMore += other.PeopleInTwoOrMore;
        Add(Personas, other.Personas);
        Add(Timezones, other.Timezones);
        Add(Reachable, other.Reachable);
        Add(ConsentYes, other.ConsentYes);
        Add(ConsentNo, other.ConsentNo);
        Add(Events, other.Events);
        Add(Engagement, other.Engagement);
        Add(Overlaps, other.Overlaps);
        Add(WeeklyAll, other.WeeklyAll);
        Add(WeeklyMarketing, other.WeeklyMarketing);
    }

    private static void Bump(byte[] counts, long i)
    {
        if (counts[i] < byte.MaxValue)
        {
            counts[i]++;
        }
    }

    private static void Add(long[] into, long[] from)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] += from[i];
        }
    }
}
