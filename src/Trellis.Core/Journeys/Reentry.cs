using NodaTime;

namespace Trellis.Core.Journeys;

public enum ReentryMode : byte
{
    Never,
    Always,
    After,
}

/// <summary>Entry option <c>reentry: never | always | {after: 30d}</c>; <c>After</c> counts from the previous entry.</summary>
public sealed record Reentry(ReentryMode Mode, Duration After)
{
    public static readonly Reentry Never = new(ReentryMode.Never, Duration.Zero);
    public static readonly Reentry Always = new(ReentryMode.Always, Duration.Zero);
}
