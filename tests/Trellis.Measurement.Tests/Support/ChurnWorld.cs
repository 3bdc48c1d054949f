using NodaTime;
using Trellis.Core.Values;
using Trellis.Measurement.Prediction;

namespace Trellis.Measurement.Tests.Support;

/// <summary>
/// A seeded synthetic product where churn depends on recent use: each day a person may log in (often when engaged,
/// rarely when not), and their chance to churn that day is high with no login in the last 14 days, lower with a few,
/// tiny with many. Traits <c>seats</c> (a number) and <c>beta</c> (true/false) are noise. A model that learns
/// from login counts must rank people well; one that cannot must not.
/// </summary>
internal static class ChurnWorld
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 0, 0);

    public sealed record Call(string Person, Instant At, string? Event, Dictionary<string, Value>? Traits);

    public static List<Call> Calls(int people, int days, int seed)
    {
        var random = new Random(seed);
        var calls = new List<Call>();
        for (var p = 0; p < people; p++)
        {
            var id = $"u{p:D5}";
            var joined = random.Next(0, 20);
            var engaged = random.NextDouble() < 0.6;
            calls.Add(new Call(id, Start + Duration.FromDays(joined) + Duration.FromMinutes(random.Next(60)), null, new Dictionary<string, Value>
            {
                ["seats"] = Value.Number(random.Next(1, 11)),
                ["beta"] = Value.Bool(random.NextDouble() < 0.5),
                ["plan"] = Value.String(random.NextDouble() < 0.5 ? "pro" : "team"),
            }));
            var logins = new List<int>();
            for (var day = joined; day < days; day++)
            {
                if (random.NextDouble() < (engaged ? 0.55 : 0.1))
                {
                    logins.Add(day);
                    calls.Add(new Call(id, At(day, random), "login", null));
                }

                var recent = logins.Count(d => d > day - 14);
                var hazard = recent == 0 ? 0.05 : recent < 4 ? 0.01 : 0.0005;
                if (random.NextDouble() < hazard)
                {
                    calls.Add(new Call(id, At(day, random) + Duration.FromHours(1), "churned", null));
                    break;
                }
            }
        }

        return calls;
    }

    public static List<PersonHistory> Histories(IEnumerable<Call> calls) =>
        calls.GroupBy(c => c.Person)
            .Select(g => new PersonHistory(g.Key, g.OrderBy(c => c.At)
                .Select(c => c.Event is null ? HistoryEntry.Identified(c.At, c.Traits!) : HistoryEntry.Performed(c.At, c.Event)).ToList()))
            .ToList();

    private static Instant At(int day, Random random) => Start + Duration.FromDays(day) + Duration.FromMinutes(random.Next(60, 22 * 60));
}
