namespace Trellis.Content.Scenarios;

/// <summary>The words that scenarios share with traces (SPEC §5).</summary>
public static class ScenarioWords
{
    public static IReadOnlyList<string> SkipReasons { get; } =
        ["consent", "suppressed", "frequency_cap", "quiet_hours", "arbitration", "holdout", "unreachable"];

    public static IReadOnlyList<string> Outcomes { get; } = ["converted", "exited", "completed"];
}
