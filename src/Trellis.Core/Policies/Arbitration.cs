using NodaTime;

namespace Trellis.Core.Policies;

/// <summary>Cross-journey priority: a send from a strictly higher-priority journey in (now − window, now] blocks lower ones.</summary>
public sealed record Arbitration(Duration Window, ConflictAction OnConflict);
