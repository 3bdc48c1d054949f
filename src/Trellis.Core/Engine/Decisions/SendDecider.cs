namespace Trellis.Core.Engine.Decisions;

/// <summary>Runs the decision rules of SPEC §3 in their order; the first rule that does not pass decides.</summary>
internal static class SendDecider
{
    private static readonly ISendRule[] Rules =
    [
        new HoldoutRule(),
        new ChannelRule(),
        new QuietHoursRule(),
        new ArbitrationRule(),
        new FrequencyCapRule(),
    ];

    public static Verdict Decide(SendCheck check)
    {
        foreach (var rule in Rules)
        {
            var verdict = rule.Check(check);
            if (verdict.Kind != VerdictKind.Pass)
            {
                return verdict;
            }
        }

        return Verdict.Pass;
    }
}
