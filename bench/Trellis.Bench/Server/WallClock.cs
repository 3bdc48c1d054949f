namespace Trellis.Bench.Server;

/// <summary>Unix microseconds from the system clock: the unit the outbox stores, so client and server times compare.</summary>
internal static class WallClock
{
    public static long NowMicros() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
