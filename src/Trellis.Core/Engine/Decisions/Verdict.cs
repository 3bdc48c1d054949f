using NodaTime;

namespace Trellis.Core.Engine.Decisions;

/// <summary>What one decision rule says about a send: let it through, skip it (reason), or defer it (reason, until).</summary>
public readonly record struct Verdict(VerdictKind Kind, string? Reason, Instant Until)
{
    public static readonly Verdict Pass = new(VerdictKind.Pass, null, default);

    public static Verdict Skip(string reason) => new(VerdictKind.Skip, reason, default);

    public static Verdict Defer(string reason, Instant until) => new(VerdictKind.Defer, reason, until);
}
