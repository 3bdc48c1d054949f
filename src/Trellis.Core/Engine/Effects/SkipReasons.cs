namespace Trellis.Core.Engine.Effects;

/// <summary>The reasons a send is skipped or deferred, as written in traces (SPEC §5).</summary>
public static class SkipReasons
{
    public const string Consent = "consent";
    public const string Suppressed = "suppressed";
    public const string FrequencyCap = "frequency_cap";
    public const string QuietHours = "quiet_hours";
    public const string Arbitration = "arbitration";
    public const string Holdout = "holdout";
    public const string Unreachable = "unreachable";

    public static readonly IReadOnlyList<string> All = [Consent, Suppressed, FrequencyCap, QuietHours, Arbitration, Holdout, Unreachable];
}
