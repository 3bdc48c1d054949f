namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// A 64-bit FNV-1a digest of a person id. The counters key running instances by it instead of by the id
/// string: a million people cost 8 bytes each instead of a string each. Two ids sharing a digest (odds about
/// 1 in 10^7 among a million) would merge their instances in the counts, never in anything shown per person.
/// </summary>
internal static class PersonHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string personId)
    {
        var hash = Offset;
        foreach (var c in personId)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
