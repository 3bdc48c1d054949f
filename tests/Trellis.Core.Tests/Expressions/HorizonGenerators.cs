using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// Generators for the horizon property: random event histories and profile times around a random now, and
/// expressions from a small grammar covering every horizon source (count, performed, now, since, scaled and
/// falling values) and their combinations with ! && ||.
/// </summary>
internal static class HorizonGenerators
{
    private static readonly string[] Comparisons = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly string[] Events = ["a", "b"];

    public static Gen<HorizonScenario> Scenarios() =>
        from expression in Expressions(depth: 2)
        from context in Contexts()
        select new HorizonScenario(expression, context);

    /// <summary>Any expression of the grammar; composites only combine booleans.</summary>
    public static Gen<GeneratedExpression> Expressions(int depth)
    {
        var atoms = Atoms();
        if (depth == 0)
        {
            return atoms;
        }

        var booleans = Expressions(depth - 1).Where(e => e.IsBool);
        return Gen.Frequency(
            (4, atoms),
            (1, booleans.Select(e => new GeneratedExpression($"!({e.Source})", true, e.Exact))),
            (2, from l in booleans
                from r in booleans
                from op in Gen.Elements("&&", "||")
                select new GeneratedExpression($"({l.Source}) {op} ({r.Source})", true, false)));
    }

    private static Gen<GeneratedExpression> Atoms()
    {
        var amount = Gen.Choose(0, 20);
        var unit = Gen.Elements("h", "d");
        var comparison = Gen.Elements(Comparisons);
        var eventName = Gen.Elements(Events);
        var trait = Gen.Frequency((3, Gen.Constant("t1")), (3, Gen.Constant("t2")), (1, Gen.Constant("missing")));

        return Gen.OneOf(
            from e in eventName from n in Gen.Choose(1, 20) from u in unit
            select new GeneratedExpression($"count(\"{e}\", {n}{u})", false, true),
            from e in eventName from n in Gen.Choose(1, 20) from op in comparison from k in Gen.Choose(0, 4)
            select new GeneratedExpression($"count(\"{e}\", {n}d) {op} {k}", true, false),
            from e in eventName from n in Gen.Choose(1, 20) from u in unit
            select new GeneratedExpression($"performed(\"{e}\", {n}{u})", true, true),
            from t in trait from op in comparison from n in amount from u in unit
            select new GeneratedExpression($"since(profile.{t}) {op} {n}{u}", true, true),
            from t in trait from op in comparison from n in amount from sign in Gen.Elements("+", "-")
            select new GeneratedExpression($"now {op} profile.{t} {sign} {n}h", true, true),
            from t in trait from op in comparison from n in amount from k in Gen.Choose(2, 3)
            select new GeneratedExpression($"{k} * since(profile.{t}) {op} {n}d", true, true),
            from t in trait from op in comparison from n in amount
            select new GeneratedExpression($"profile.{t} - now {op} {n}h", true, true),
            from t in trait
            select new GeneratedExpression($"since(profile.{t})", false, true),
            from n in amount
            select new GeneratedExpression($"now in [profile.t1, profile.t2 - {n}h]", true, true),
            from op in comparison from n in amount
            select new GeneratedExpression($"since(profile.t1) - since(profile.t2) {op} {n}h", true, true),
            Gen.Constant(new GeneratedExpression("profile.flag", true, true)));
    }

    private static Gen<InMemoryEvaluationContext> Contexts() =>
        from nowOffset in Gen.Choose(0, 9_999_999)
        from aTimes in Gen.ListOf(Ago())
        from bTimes in Gen.ListOf(Ago())
        from t1 in Around()
        from t2 in Around()
        from t2AsText in Gen.Elements(true, false)
        from flag in Gen.Elements(true, false)
        select Build(
            InMemoryEvaluationContext.DefaultNow + Duration.FromTicks(nowOffset),
            aTimes, bTimes, t1, t2, t2AsText, flag);

    private static InMemoryEvaluationContext Build(
        Instant now, IEnumerable<Duration> aAgo, IEnumerable<Duration> bAgo, Duration t1, Duration t2, bool t2AsText, bool flag)
    {
        var context = new InMemoryEvaluationContext { Now = now }
            .With("t1", Value.Time(now + t1))
            .With("t2", t2AsText ? Value.String(InstantText.Format(now + t2)) : Value.Time(now + t2))
            .With("flag", Value.Bool(flag));
        foreach (var ago in aAgo.Take(6))
        {
            context.Performed("a", now - ago);
        }

        foreach (var ago in bAgo.Take(6))
        {
            context.Performed("b", now - ago);
        }

        return context;
    }

    /// <summary>How long ago an event happened: whole minutes, sometimes a few ticks off, within 30 days (never in the future).</summary>
    private static Gen<Duration> Ago() =>
        from minutes in Gen.Choose(0, 30 * 24 * 60)
        from ticks in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 3)))
        select Duration.FromMinutes(minutes) + Duration.FromTicks(ticks);

    /// <summary>A profile time within 30 days either side of now, usually on the hour so that comparisons can land exactly.</summary>
    private static Gen<Duration> Around() =>
        from hours in Gen.Choose(-30 * 24, 30 * 24)
        from ticks in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(-3, 3)))
        select Duration.FromHours(hours) + Duration.FromTicks(ticks);
}
