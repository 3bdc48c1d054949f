namespace Trellis.Measurement.Simulation.Randomness;

/// <summary>Draws from the distributions the behaviour model uses, each from a caller's generator.</summary>
public static class RandomDraws
{
    /// <summary>Exponential with the given rate (mean 1/rate): the wait to the next Poisson arrival.</summary>
    public static double Exponential(ref Xoshiro256StarStar rng, double rate) => -Math.Log(rng.NextOpenDouble()) / rate;

    /// <summary>Standard normal by Box–Muller (one value per call; simplicity over speed, it is not on the hot path).</summary>
    public static double Normal(ref Xoshiro256StarStar rng)
    {
        var u1 = rng.NextOpenDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Lognormal with the given median (e^μ) and σ of the log.</summary>
    public static double Lognormal(ref Xoshiro256StarStar rng, double median, double sigma) => median * Math.Exp(sigma * Normal(ref rng));

    /// <summary>Gamma(shape, scale 1) by Marsaglia and Tsang (2000); shapes below 1 by the boost u^(1/shape).</summary>
    public static double Gamma(ref Xoshiro256StarStar rng, double shape)
    {
        if (shape < 1)
        {
            return Gamma(ref rng, shape + 1) * Math.Pow(rng.NextOpenDouble(), 1 / shape);
        }

        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(ref rng);
                v = 1 + c * x;
            }
            while (v <= 0);

            v = v * v * v;
            var u = rng.NextOpenDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
            {
                return d * v;
            }
        }
    }

    /// <summary>
    /// A person's multiplier on a rate: mean 1, variance <paramref name="dispersion"/> (Gamma with shape 1/dispersion),
    /// so arrivals are Poisson per person and negative binomial over the population. 0 gives everyone 1.
    /// </summary>
    public static double Heterogeneity(ref Xoshiro256StarStar rng, double dispersion) =>
        dispersion <= 0 ? 1 : Gamma(ref rng, 1 / dispersion) * dispersion;
}
