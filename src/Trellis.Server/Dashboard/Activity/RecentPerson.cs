using NodaTime;

namespace Trellis.Server.Dashboard.Activity;

/// <summary>Someone who recently reached a step, and what the step did for them (e.g. "sent email").</summary>
public sealed record RecentPerson(string PersonId, Instant At, string? Outcome);
