using NodaTime;

namespace Trellis.Storage.Tests;

/// <summary>Readable time arithmetic for the tests (NodaTime's Instant only has Plus(Duration)).</summary>
internal static class InstantExtensions
{
    public static Instant PlusSeconds(this Instant instant, long seconds) => instant + Duration.FromSeconds(seconds);

    public static Instant PlusMinutes(this Instant instant, long minutes) => instant + Duration.FromMinutes(minutes);

    public static Instant PlusHours(this Instant instant, long hours) => instant + Duration.FromHours(hours);

    public static Instant PlusDays(this Instant instant, long days) => instant + Duration.FromDays(days);
}
