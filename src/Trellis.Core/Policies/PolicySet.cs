using NodaTime;

namespace Trellis.Core.Policies;

/// <summary>A workspace's <c>policies.yaml</c>. <see cref="Default"/> applies when there is none.</summary>
public sealed record PolicySet
{
    public ConsentDefault ConsentDefault { get; init; } = ConsentDefault.OptOut;

    public IReadOnlyList<FrequencyCap> FrequencyCaps { get; init; } = [];

    public QuietHours? QuietHours { get; init; }

    public Arbitration? Arbitration { get; init; }

    public ConflictAction OnCap { get; init; } = ConflictAction.Skip;

    public SuppressionPolicy Suppression { get; init; } = SuppressionPolicy.Default;

    /// <summary>The zone for people without a valid <c>timezone</c> trait (quiet hours' <c>default_timezone</c>, else UTC).</summary>
    public DateTimeZone DefaultTimeZone { get; init; } = DateTimeZone.Utc;

    public static readonly PolicySet Default = new();
}
