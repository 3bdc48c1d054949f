namespace Trellis.Measurement.Statistics;

/// <summary>Compares two arms: rates, lifts with intervals, tests, the sample size, and a verdict in plain words.</summary>
public static class LiftAnalysis
{
    public const double Alpha = 0.05;
    public const double Power = 0.8;
    public const double DefaultMinimumDetectableLift = 0.02;

    public static ArmComparison Compare(ArmCounts control, ArmCounts treatment, double minimumDetectableLift = DefaultMinimumDetectableLift)
    {
        if (control.Entrants == 0 || treatment.Entrants == 0)
        {
            var empty = control.Entrants == 0 ? control.Name : treatment.Name;
            return new ArmComparison
            {
                Control = control.Name,
                Treatment = treatment.Name,
                ControlRate = control.Rate,
                TreatmentRate = treatment.Rate,
                AbsoluteLift = 0,
                AbsoluteLiftInterval = new Interval(-1, 1),
                MinimumDetectableLift = minimumDetectableLift,
                Significant = false,
                Verdict = $"no data yet: {empty} has no entrants",
            };
        }

        var xt = treatment.Conversions;
        var nt = treatment.Entrants;
        var xc = control.Conversions;
        var nc = control.Entrants;
        var lift = treatment.Rate - control.Rate;
        var interval = NewcombeInterval.OfDifference(xt, nt, xc, nc);
        var relative = RelativeLiftInterval.Of(xt, nt, xc, nc);
        var z = TwoProportionZTest.Test(xt, nt, xc, nc);
        double? fisher = NeedsExactTest(xt, nt, xc, nc) ? FisherExactTest.TwoSidedP(xt, nt - xt, xc, nc - xc) : null;
        var p = fisher ?? z?.P;
        var mde = control.Rate + minimumDetectableLift <= 1 ? minimumDetectableLift : -minimumDetectableLift;
        var needed = SampleSize.PerArm(control.Rate, mde, Alpha, Power);
        // Both the test and the interval must agree before anything is called a difference.
        var significant = p is { } pv && pv < Alpha && interval.Excludes(0);
        return new ArmComparison
        {
            Control = control.Name,
            Treatment = treatment.Name,
            ControlRate = control.Rate,
            TreatmentRate = treatment.Rate,
            AbsoluteLift = lift,
            AbsoluteLiftInterval = interval,
            RelativeLift = relative?.Lift,
            RelativeLiftInterval = relative?.Interval,
            ZTestP = z?.P,
            FisherP = fisher,
            P = p,
            PMethod = fisher is not null ? "fisher_exact" : z is not null ? "z_test" : null,
            RevenuePerEntrant = WelchTTest.Test(treatment.Revenue, control.Revenue),
            MinimumDetectableLift = minimumDetectableLift,
            SampleSizePerArm = needed,
            Significant = significant,
            Verdict = Verdicts.Describe(treatment.Name, lift, interval, p, significant, Math.Min(nt, nc), needed, minimumDetectableLift),
        };
    }

    /// <summary>The textbook rule: an expected cell count below 5 makes the normal approximation doubtful.</summary>
    private static bool NeedsExactTest(long xt, long nt, long xc, long nc)
    {
        var n = nt + nc;
        if (n > FisherExactTest.MaxTotal)
        {
            return false;
        }

        double successes = xt + xc;
        double failures = n - successes;
        var smallest = Math.Min(Math.Min(successes * nt, successes * nc), Math.Min(failures * nt, failures * nc)) / n;
        return smallest < 5;
    }
}
