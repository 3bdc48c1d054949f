namespace Trellis.Storage.Internal;

/// <summary>
/// <paramref name="From"/> becomes an alias of <paramref name="Into"/>: aliases that pointed to From now point
/// to Into, and From's events, trace, consent, outbox and profile move to Into.
/// </summary>
internal sealed record PersonMerge(string From, string Into);
