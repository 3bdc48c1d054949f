using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Core.Policies;

/// <summary>
/// Quiet period [start, end) in the person's local time (it may span midnight) for the listed channels;
/// <see cref="DefaultTimeZone"/> applies to people without a (valid) <c>timezone</c> trait.
/// </summary>
public sealed record QuietHours(LocalTime Start, LocalTime End, IReadOnlySet<Channel> Channels, DateTimeZone DefaultTimeZone);
