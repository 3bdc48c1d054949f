namespace Trellis.Measurement.Statistics;

/// <summary>
/// People needed per arm to detect an absolute lift δ over a baseline rate p₁ with a two-sided test at level α
/// and the given power (Fleiss, without continuity correction):
/// n = [z(1−α/2)·√(2p̄(1−p̄)) + z(power)·√(p₁(1−p₁) + p₂(1−p₂))]² / δ², with p₂ = p₁ + δ and p̄ = (p₁ + p₂)/2.
/// </summary>
public static class SampleSize
{
    public static long PerArm(double baseline, double absoluteLift, double alpha = 0.05, double power = 0.8)
    {
        if (absoluteLift == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteLift), "a lift of zero cannot be detected");
        }

        // A baseline of exactly 0 or 1 has no variance; nudge it so the formula still gives a finite answer.
        var p1 = Math.Clamp(baseline, 1e-6, 1 - 1e-6);
        var p2 = Math.Clamp(p1 + absoluteLift, 1e-6, 1 - 1e-6);
        var mean = (p1 + p2) / 2;
        var za = NormalDistribution.Quantile(1 - alpha / 2);
        var zb = NormalDistribution.Quantile(power);
        var root = za * Math.Sqrt(2 * mean * (1 - mean)) + zb * Math.Sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long)Math.Ceiling(root * root / ((p2 - p1) * (p2 - p1)));
    }
}
