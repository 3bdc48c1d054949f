using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// The horizon contract on random histories and expressions: with no new input, the value is constant on
/// [now, changesAt), and where the horizon is exact it differs at changesAt. The check walks forward from
/// horizon to horizon, so a whole timeline is covered, not just the first change.
/// </summary>
public sealed class HorizonPropertyTests
{
    private static readonly Duration Tick = Duration.FromTicks(1);

    /// <summary>When the value says it never changes, look this far ahead (histories span 30 days, times ±30 days).</summary>
    private static readonly Duration[] FarProbes =
    [
        Tick, Duration.FromMinutes(1), Duration.FromHours(1), Duration.FromDays(1), Duration.FromDays(7),
        Duration.FromDays(31), Duration.FromDays(45), Duration.FromDays(90), Duration.FromDays(400),
    ];

    [Fact]
    public void The_value_holds_until_the_horizon_and_exact_horizons_are_real_changes() =>
        Prop.ForAll(Arb.From(HorizonGenerators.Scenarios()), (HorizonScenario scenario) => WalkTimeline(scenario))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1_000));

    private static void WalkTimeline(HorizonScenario scenario)
    {
        var expression = ExpressionParser.Parse(scenario.Expression.Source);
        var now = scenario.Context.Now;
        for (var step = 0; step < 6; step++)
        {
            var value = expression.Evaluate(scenario.Context.At(now), out var changesAt);
            if (changesAt is not { } horizon)
            {
                foreach (var probe in FarProbes)
                {
                    ExpectSame(expression, scenario, value, now + probe, $"never changes (from {Format(now)})");
                }

                return;
            }

            if (horizon <= now)
            {
                throw new InvalidOperationException($"horizon {Format(horizon)} is not after now {Format(now)}");
            }

            var span = (horizon - now).BclCompatibleTicks;
            foreach (var eighth in Enumerable.Range(0, 8))
            {
                ExpectSame(expression, scenario, value, now + Duration.FromTicks(span * eighth / 8), $"before {Format(horizon)}");
            }

            ExpectSame(expression, scenario, value, horizon - Tick, $"one tick before {Format(horizon)}");
            if (scenario.Expression.Exact && expression.Evaluate(scenario.Context.At(horizon)).Equals(value))
            {
                throw new InvalidOperationException($"exact horizon {Format(horizon)} but the value is still {value}");
            }

            now = horizon;
        }
    }

    private static void ExpectSame(Expression expression, HorizonScenario scenario, Value expected, Instant at, string why)
    {
        var actual = expression.Evaluate(scenario.Context.At(at));
        if (!actual.Equals(expected))
        {
            throw new InvalidOperationException(
                $"value changed from {expected} to {actual} at {Format(at)}, but the horizon said {why}");
        }
    }

    private static string Format(Instant instant) => InstantText.Format(instant);
}
