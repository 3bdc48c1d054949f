using NodaTime;
using Trellis.Content.Scenarios;
using Trellis.Core.Engine.Effects;
using Trellis.Core.Journeys;
using Trellis.Core.Time;
using Trellis.Core.Values;
using Trellis.Runtime.Tracing;

namespace Trellis.Runtime.Scenarios;

/// <summary>
/// Compares a run's effects with a scenario's <c>expect</c> block (SPEC §5). Sends are exact and ordered (sends
/// to different people at the same instant may come in either order); skips and outcomes are exact as sets,
/// their offsets and values checked where given.
/// </summary>
public static class ExpectationChecker
{
    public static ScenarioVerdict Check(ScenarioDefinition scenario, IReadOnlyList<Effect> effects)
    {
        var failures = new List<string>();
        var expect = scenario.Expectations;
        var start = scenario.Start;
        var sends = effects.Where(e => e.Type == EffectType.Send).ToList();
        if (expect.Sends is { } expectedSends)
        {
            CheckSends(expectedSends, sends, start, failures);
        }

        if (expect.Skips is { } expectedSkips)
        {
            var actual = effects.Where(e => e.Type == EffectType.Skip).ToList();
            Match(expectedSkips, actual,
                (x, e) => x.User == e.User && x.Journey == e.Journey && x.Step == e.Step && x.Reason == e.Reason &&
                          (x.Offset is not { } o || start + o == e.At),
                x => $"{x.Location}: expected skip {Describe(x.Offset)} {x.User} {x.Journey}/{x.Step} reason {x.Reason}, but there was none",
                e => $"unexpected skip: {Describe(e, start)} reason {e.Reason}",
                failures);
        }

        if (expect.Outcomes is { } expectedOutcomes)
        {
            var exits = effects.Where(e => e.Type == EffectType.Exit).ToList();
            var goals = effects.Where(e => e.Type == EffectType.Goal).ToList();
            Match(expectedOutcomes, exits,
                (x, e) => x.User == e.User && x.Journey == e.Journey && x.Outcome == TraceNames.Outcome(e.Outcome) &&
                          (x.Offset is not { } o || start + o == e.At) &&
                          (x.Value is not { } v || SameValue(v, GoalValue(goals, e))),
                x => $"{x.Location}: expected outcome {Describe(x.Offset)} {x.User} {x.Journey} {x.Outcome}" +
                     (x.Value is { } v ? $" value {v}" : "") + $", but there was none ({Actual(exits, goals, x, start)})",
                e => $"unexpected outcome: {Describe(e, start)} {TraceNames.Outcome(e.Outcome)} ({e.Reason})",
                failures);
        }

        return new ScenarioVerdict(scenario.Name, scenario.Location.File, failures, sends.Count);
    }

    private static void CheckSends(IReadOnlyList<SendExpectation> expected, List<Effect> actual, Instant start, List<string> failures)
    {
        var n = Math.Max(expected.Count, actual.Count);
        var ordered = expected.Count == actual.Count &&
                      expected.Zip(actual).All(p => SendMatches(p.First, p.Second, start));
        if (ordered || SameUpToSameInstantReordering(expected, actual, start))
        {
            return;
        }

        for (var i = 0; i < n; i++)
        {
            var x = i < expected.Count ? expected[i] : null;
            var a = i < actual.Count ? (Effect?)actual[i] : null;
            if (x is not null && a is { } e && SendMatches(x, e, start))
            {
                continue;
            }

            var want = x is null ? "nothing more" : $"{DurationText.Format(x.Offset)} {x.User} {x.Journey}/{x.Step} {x.Channel.Name()}";
            var got = a is { } g ? $"{Describe(g, start)} {g.Channel!.Value.Name()}" : "no send";
            failures.Add($"{x?.Location.ToString() ?? "sends"}: send #{i + 1}: expected {want}, got {got}");
        }
    }

    private static bool SameUpToSameInstantReordering(IReadOnlyList<SendExpectation> expected, List<Effect> actual, Instant start)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        var remaining = new List<Effect>(actual);
        for (var i = 0; i < expected.Count; i++)
        {
            var x = expected[i];
            var at = start + x.Offset;
            // Among actual sends at this instant, the first for this user must be it (a user's own order is kept).
            var index = remaining.FindIndex(e => e.At == at && e.User == x.User);
            if (index < 0 || !SendMatches(x, remaining[index], start) || remaining.Take(index).Any(e => e.At < at))
            {
                return false;
            }

            remaining.RemoveAt(index);
        }

        return true;
    }

    private static bool SendMatches(SendExpectation x, Effect e, Instant start) =>
        start + x.Offset == e.At && x.User == e.User && x.Journey == e.Journey && x.Step == e.Step && x.Channel == e.Channel;

    private static void Match<TExpected>(
        IReadOnlyList<TExpected> expected,
        List<Effect> actual,
        Func<TExpected, Effect, bool> matches,
        Func<TExpected, string> missing,
        Func<Effect, string> unexpected,
        List<string> failures)
    {
        var left = new List<Effect>(actual);
        foreach (var x in expected)
        {
            var i = left.FindIndex(e => matches(x, e));
            if (i < 0)
            {
                failures.Add(missing(x));
            }
            else
            {
                left.RemoveAt(i);
            }
        }

        failures.AddRange(left.Select(unexpected));
    }

    private static Value GoalValue(List<Effect> goals, Effect exit) =>
        goals.LastOrDefault(g => g.User == exit.User && g.Journey == exit.Journey && g.Instance == exit.Instance && g.At == exit.At).Value;

    private static bool SameValue(Value expected, Value actual) =>
        expected == actual ||
        (expected.Kind == ValueKind.Number && actual.Kind == ValueKind.Number && Math.Abs(expected.AsNumber - actual.AsNumber) < 1e-9) ||
        expected.ToString() == actual.ToString();

    private static string Actual(List<Effect> exits, List<Effect> goals, OutcomeExpectation x, Instant start)
    {
        var mine = exits.Where(e => e.User == x.User && e.Journey == x.Journey).ToList();
        return mine.Count == 0
            ? "the journey did not end"
            : "got " + string.Join("; ", mine.Select(e =>
                $"{Describe(e, start)} {TraceNames.Outcome(e.Outcome)} ({e.Reason})" +
                (GoalValue(goals, e) is { IsNull: false } v ? $" value {v}" : "")));
    }

    private static string Describe(Duration? offset) => offset is { } o ? "at " + DurationText.Format(o) : "at any time";

    private static string Describe(Effect e, Instant start) =>
        $"at {DurationText.Format(e.At - start)} {e.User} {e.Journey}" + (e.Step is null ? "" : "/" + e.Step);
}
