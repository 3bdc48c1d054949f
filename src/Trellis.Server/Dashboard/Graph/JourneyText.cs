using Trellis.Core.Journeys;
using Trellis.Core.Time;

namespace Trellis.Server.Dashboard.Graph;

/// <summary>Short descriptions of a journey's parts, as the dashboard shows them (entry, each step, goal).</summary>
public static class JourneyText
{
    public static string Entry(JourneyDefinition journey) => journey.Entry.Trigger switch
    {
        EventTrigger e => "on " + e.EventName + (e.When is null ? "" : " when " + e.When.Source),
        SegmentTrigger s => "segment: " + s.Condition.Source,
        DateTrigger d => $"date: {d.Trait} {d.OffsetDays:+0;-0;0}d at {TimeOfDayText.Format(d.At)}",
        ScheduleTrigger c => "schedule: " + c.Cron + (c.Audience is null ? "" : " for " + c.Audience.Source),
        _ => "entry",
    };

    public static string Step(StepDefinition step) => step switch
    {
        SendStep s => $"send {string.Join(" → ", s.Channels.Select(c => c.Name()))} · {s.TemplateId}",
        WaitStep { WaitKind: WaitKind.For } w => "wait " + DurationText.Format(w.Span),
        WaitStep { WaitKind: WaitKind.UntilTimeOfDay } w => "wait until " + TimeOfDayText.Format(w.TimeOfDay),
        WaitStep w => "wait until " + w.Until!.Source,
        WaitForStep w => $"wait for {w.EventName} ≤ {DurationText.Format(w.Timeout)}",
        BranchStep b => $"branch ({b.Cases.Count} cases)",
        SplitStep p => "split " + string.Join(" / ", p.Variants.Select(v => $"{v.Name} {v.Weight:0.##}")),
        UpdateStep u => "update " + string.Join(", ", u.Set.Select(kv => kv.Key).Concat(u.Unset)),
        ExitStep x => "exit: " + x.Reason,
        _ => step.Kind,
    };

    public static string? Goal(JourneyDefinition journey) => journey.Goal is not { } goal
        ? null
        : string.Join(" ", new[]
        {
            goal.EventName is null ? null : "on " + goal.EventName,
            goal.When is null ? null : "when " + goal.When.Source,
            goal.Within is { } within ? "within " + DurationText.Format(within) : null,
            goal.Value is null ? null : "value " + goal.Value.Source,
        }.OfType<string>());
}
