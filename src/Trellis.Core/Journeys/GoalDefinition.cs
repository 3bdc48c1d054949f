using NodaTime;
using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>
/// <c>goal: {event, when, within, value}</c>: the conversion. Within the window after entry it ends the
/// journey as <c>converted</c>; <see cref="Within"/> null means no limit.
/// </summary>
public sealed record GoalDefinition(string? EventName, Expression? When, Duration? Within, Expression? Value);
