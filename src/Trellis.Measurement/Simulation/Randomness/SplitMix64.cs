namespace Trellis.Measurement.Simulation.Randomness;

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): turns a seed into well-mixed state words for xoshiro.</summary>
public static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stream seed for one member (a person) of a seeded run: mixes both so nearby ids are unrelated.</summary>
    public static ulong Derive(ulong seed, ulong member)
    {
        var s = seed;
        var a = Next(ref s);
        var m = member ^ a;
        return Next(ref m);
    }
}
