using NodaTime;
using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

/// <summary>How people get into a journey: exactly one of the four trigger kinds.</summary>
public abstract record Trigger;

/// <summary><c>entry: {event: name, when: expr}</c>: on each matching event.</summary>
public sealed record EventTrigger(string EventName, Expression? When) : Trigger;

/// <summary><c>entry: {segment: expr}</c>: when the condition turns from false to true for a person.</summary>
public sealed record SegmentTrigger(Expression Condition) : Trigger;

/// <summary>
/// <c>entry: {date: {trait, offset, at}}</c>: the calendar date of the trait moved by <see cref="OffsetDays"/>,
/// at local time <see cref="At"/> in the person's time zone.
/// </summary>
public sealed record DateTrigger(string Trait, int OffsetDays, LocalTime At) : Trigger;

/// <summary><c>entry: {schedule: {cron, audience}}</c>: at each cron occurrence (person's local time), people matching the audience.</summary>
public sealed record ScheduleTrigger(string Cron, CronSchedule Schedule, Expression? Audience) : Trigger;
