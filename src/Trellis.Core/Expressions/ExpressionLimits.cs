using NodaTime;

namespace Trellis.Core.Expressions;

/// <summary>
/// The bounds that keep an expression cheap whatever its author wrote: journeys are user content, and a
/// hostile or careless expression must never hang or crash the engine.
/// </summary>
public static class ExpressionLimits
{
    /// <summary>Longest accepted source text, in characters.</summary>
    public const int MaxSourceLength = 4096;

    /// <summary>Most syntax-tree nodes (literals, paths, operators, calls) in one expression.</summary>
    public const int MaxNodes = 500;

    /// <summary>Deepest nesting of parentheses, lists, call arguments and prefix operators.</summary>
    public const int MaxDepth = 64;

    /// <summary>At run time, <c>in</c> and list or map comparisons look at no more items than this.</summary>
    public const int MaxScannedItems = 10_000;

    /// <summary>At run time, string functions and substring tests read at most this many characters.</summary>
    public const int MaxStringLength = 65_536;

    /// <summary>
    /// When the moment a comparison flips cannot be solved exactly (a moving duration scaled by a fraction),
    /// the result is reported as "may change" this long after now, so the engine checks it again.
    /// </summary>
    public static readonly Duration UnsolvableRecheck = Duration.FromMinutes(1);
}
