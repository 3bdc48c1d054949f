using FsCheck;
using FsCheck.Fluent;

namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// Well-formed expressions over every operator and function, with dynamically typed paths as most leaves so
/// that many pass the type checker and reach the evaluator with data of any type.
/// </summary>
internal static class RandomExpressionGenerator
{
    private static readonly string[] Leaves =
    [
        "profile.a", "profile.b", "profile.a", "profile.b", "event.x", "journey.key", "journey.entered_at", "now",
        "1", "0", "2.5", "\"x\"", "\"2026-04-10\"", "7d", "100000w", "null", "true", "[profile.a, 1]",
    ];

    private static readonly string[] BinaryOperators =
        ["+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in"];

    public static Gen<string> Expressions(int depth)
    {
        var leaf = Gen.Elements(Leaves);
        if (depth == 0)
        {
            return leaf;
        }

        var sub = Expressions(depth - 1);
        return Gen.Frequency(
            (2, leaf),
            (4, from l in sub from op in Gen.Elements(BinaryOperators) from r in sub select $"({l} {op} {r})"),
            (1, sub.Select(e => $"!({e})")),
            (1, sub.Select(e => $"-({e})")),
            (1, sub.Select(e => $"since({e})")),
            (1, sub.Select(e => $"exists({e})")),
            (1, sub.Select(e => $"lower({e})")),
            (1, from a in sub from b in sub select $"contains({a}, {b})"),
            (1, sub.Select(e => $"count(\"a\", ({e}) * 1d)")),
            (1, sub.Select(e => $"performed(\"a\", 1d + ({e}))")),
            (1, Gen.Elements("last(\"a\").x", "step(\"s\").sent", "score(\"m\")", "profile.a.b.c", "event.x.y")));
    }
}
