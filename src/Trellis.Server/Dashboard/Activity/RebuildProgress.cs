namespace Trellis.Server.Dashboard.Activity;

/// <summary>
/// How far the start-up recount of one workspace has come. Commits of people at or before
/// <see cref="After"/> (ordinal, the order the store lists people in) are counted live; the others are
/// left for the recount, which will read them from the store.
/// </summary>
public sealed class RebuildProgress
{
    /// <summary>The last person id recounted; null before the first.</summary>
    public string? After { get; set; }

    public long People { get; set; }

    public bool Done { get; set; }

    public bool Covers(string personId) => Done || (After is not null && string.CompareOrdinal(personId, After) <= 0);
}
