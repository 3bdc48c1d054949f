using System.Globalization;
using NodaTime;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using Trellis.Measurement.Reports;
using Trellis.Measurement.Simulation.Behavior;
using Trellis.Measurement.Simulation.Planning;
using Trellis.Measurement.Simulation.Running;

namespace Trellis.Measurement.Simulation.Reporting;

/// <summary>Assembles the simulation report from the merged journey report and population tally.</summary>
internal static class SimulationReportFactory
{
    public static SimulationReport Create(SimulationPlan plan, SimulationOptions options, JourneyReportBuilder journeys, PopulationTally tally)
    {
        var model = plan.Model;
        var ids = plan.Workspace.Journeys.Select(j => j.Id).ToArray();
        var reports = journeys.Build(options.MinimumDetectableLift);
        var weeks = options.Days / 7;
        return new SimulationReport
        {
            Settings = new SimulationSettings(
                options.People,
                options.Days,
                options.Seed,
                InstantText.Format(model.Start),
                InstantText.Format(model.Start + Duration.FromDays(options.Days)),
                model.Source,
                ids),
            Warnings = plan.Warnings,
            Population = Population(plan, tally),
            Events = Sorted(plan.Events.Select(e => (e.Name, tally.Events[e.Index]))),
            Engagement = Engagement(tally),
            Journeys = reports,
            MessagesPerPersonPerWeek = new WeeklyMessagesReport(
                weeks,
                tally.People * weeks,
                MessageDistribution.Of(tally.WeeklyAll),
                MessageDistribution.Of(tally.WeeklyMarketing)),
            Collisions = Collisions(ids, tally, reports),
        };
    }

    private static PopulationReport Population(SimulationPlan plan, PopulationTally tally)
    {
        var model = plan.Model;
        var consent = new List<(string, long)>();
        for (var i = 0; i < model.Consent.Count; i++)
        {
            consent.Add((model.Consent[i].Key + ": yes", tally.ConsentYes[i]));
            consent.Add((model.Consent[i].Key + ": no", tally.ConsentNo[i]));
        }

        return new PopulationReport(
            tally.People,
            Sorted(plan.Personas.Select((p, i) => (p.Name, tally.Personas[i]))),
            Sorted(Enum.GetValues<Channel>().Where(c => c.AddressTrait() is not null).Select(c => (c.AddressTrait()!, tally.Reachable[(int)c]))),
            Sorted(model.Timezones.Values.Select((z, i) => (z.ToString(), tally.Timezones[i]))),
            Sorted(consent));
    }

    private static SortedDictionary<string, EngagementCounts> Engagement(PopulationTally tally)
    {
        var result = new SortedDictionary<string, EngagementCounts>(StringComparer.Ordinal);
        foreach (var channel in Enum.GetValues<Channel>())
        {
            var i = (int)channel * PopulationTally.Engagements;
            var e = tally.Engagement;
            if (e[i] > 0)
            {
                result[channel.Name()] = new EngagementCounts(e[i], e[i + 1], e[i + 2], e[i + 3], Rate(e[i + 2], e[i + 1]), Rate(e[i + 3], e[i + 1]));
            }
        }

        return result;
    }

    private static CollisionReport Collisions(string[] ids, PopulationTally tally, IReadOnlyList<JourneyReport> reports)
    {
        var overlaps = new List<JourneyOverlap>();
        for (var a = 0; a < ids.Length; a++)
        {
            for (var b = 0; b < ids.Length; b++)
            {
                if (tally.Overlaps[a * ids.Length + b] is var n and > 0)
                {
                    overlaps.Add(new JourneyOverlap(ids[a], ids[b], n));
                }
            }
        }

        var arbitration = reports
            .Select(r => new ArbitrationCounts(r.Journey, r.Defers.GetValueOrDefault(SkipReasons.Arbitration), r.Skips.GetValueOrDefault(SkipReasons.Arbitration)))
            .ToArray();
        return new CollisionReport(tally.PeopleInTwoOrMore, Rate(tally.PeopleInTwoOrMore, tally.People), overlaps, arbitration);
    }

    private static SortedDictionary<string, long> Sorted(IEnumerable<(string Name, long Count)> items)
    {
        var sorted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, count) in items)
        {
            sorted[name] = sorted.GetValueOrDefault(name) + count;
        }

        return sorted;
    }

    private static double Rate(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 6);
}
