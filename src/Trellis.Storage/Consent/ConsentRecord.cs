using NodaTime;

namespace Trellis.Storage;

/// <summary>
/// A person's latest yes/no for one topic or channel (e.g. "onboarding", "sms", "all"). When two
/// statements for the same topic meet, the one with the later <see cref="At"/> wins, whatever the order
/// in which they are written.
/// </summary>
/// <param name="Source">Where it came from: "identify", "admin", "preferences", "unsubscribe", "complaint", …</param>
public sealed record ConsentRecord(string Topic, bool Granted, string Source, Instant At);
