namespace Trellis.Measurement.Statistics;

/// <summary>
/// Relative lift p_t / p_c − 1 with the Katz log interval for the risk ratio: ln(RR) ± z·√(1/x_t − 1/n_t + 1/x_c − 1/n_c).
/// Undefined (null) when either arm has no conversion: a ratio to zero, or of zero, has no finite log interval.
/// </summary>
public static class RelativeLiftInterval
{
    public static (double Lift, Interval Interval)? Of(long treatmentConversions, long treatmentEntrants, long controlConversions, long controlEntrants)
    {
        if (treatmentConversions <= 0 || controlConversions <= 0 || treatmentEntrants <= 0 || controlEntrants <= 0)
        {
            return null;
        }

        var ratio = (double)treatmentConversions / treatmentEntrants / ((double)controlConversions / controlEntrants);
        var se = Math.Sqrt(1.0 / treatmentConversions - 1.0 / treatmentEntrants + 1.0 / controlConversions - 1.0 / controlEntrants);
        var z = NormalDistribution.Z95;
        var log = Math.Log(ratio);
        return (ratio - 1, new Interval(Math.Exp(log - z * se) - 1, Math.Exp(log + z * se) - 1));
    }
}
