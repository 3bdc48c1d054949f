namespace Trellis.Measurement.Statistics;

/// <summary>
/// Treatment against control. Lifts are treatment − control (absolute, in proportion units: 0.031 = 3.1 points)
/// and treatment / control − 1 (relative). <see cref="P"/> is Fisher's exact p when an expected cell count is
/// below 5 (and the table is small enough to sum), else the z-test's; <see cref="PMethod"/> says which.
/// </summary>
public sealed record ArmComparison
{
    public required string Control { get; init; }

    public required string Treatment { get; init; }

    public required double ControlRate { get; init; }

    public required double TreatmentRate { get; init; }

    public required double AbsoluteLift { get; init; }

    /// <summary>Newcombe's hybrid score interval (method 10).</summary>
    public required Interval AbsoluteLiftInterval { get; init; }

    public double? RelativeLift { get; init; }

    /// <summary>Katz log interval of the risk ratio, minus 1.</summary>
    public Interval? RelativeLiftInterval { get; init; }

    public double? ZTestP { get; init; }

    public double? FisherP { get; init; }

    public double? P { get; init; }

    public string? PMethod { get; init; }

    /// <summary>Welch's t on revenue per entrant; null without spread.</summary>
    public WelchResult? RevenuePerEntrant { get; init; }

    /// <summary>The absolute lift the sample size is for.</summary>
    public required double MinimumDetectableLift { get; init; }

    /// <summary>People per arm to detect <see cref="MinimumDetectableLift"/> over the control rate (α 0.05, power 0.8).</summary>
    public long? SampleSizePerArm { get; init; }

    public required bool Significant { get; init; }

    public required string Verdict { get; init; }
}
