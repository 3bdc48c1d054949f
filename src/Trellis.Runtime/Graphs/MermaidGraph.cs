using System.Text;
using Trellis.Core.Journeys;
using Trellis.Core.Time;

namespace Trellis.Runtime.Graphs;

/// <summary>Draws a journey as a Mermaid flowchart: entry, steps by kind, labelled edges for branches, splits and waits.</summary>
public static class MermaidGraph
{
    public static string Render(JourneyDefinition journey)
    {
        var sb = new StringBuilder();
        sb.AppendLine("flowchart TD");
        sb.AppendLine($"  entry([\"{Escape(EntryLabel(journey))}\"])");
        foreach (var step in journey.Steps)
        {
            sb.AppendLine("  " + Node(step));
        }

        sb.AppendLine("  done((end))");
        sb.AppendLine($"  entry --> {(journey.Steps.Count > 0 ? Id(journey.Steps[0]) : "done")}");
        foreach (var step in journey.Steps)
        {
            foreach (var (target, label) in Edges(step))
            {
                var to = target < 0 ? "done" : Id(journey.Steps[target]);
                sb.AppendLine(label is null ? $"  {Id(step)} --> {to}" : $"  {Id(step)} -- \"{Escape(label)}\" --> {to}");
            }
        }

        return sb.ToString();
    }

    private static string EntryLabel(JourneyDefinition journey) => journey.Entry.Trigger switch
    {
        EventTrigger e => "on " + e.EventName + (e.When is null ? "" : " when " + e.When.Source),
        SegmentTrigger s => "segment: " + s.Condition.Source,
        DateTrigger d => $"date: {d.Trait} {d.OffsetDays:+0;-0;0}d at {TimeOfDayText.Format(d.At)}",
        ScheduleTrigger c => "schedule: " + c.Cron,
        _ => "entry",
    };

    private static string Node(StepDefinition step)
    {
        var id = Id(step);
        return step switch
        {
            SendStep s => $"{id}[\"{Escape($"{s.Id}: send {string.Join(" → ", s.Channels.Select(c => c.Name()))} ({s.TemplateId})")}\"]",
            WaitStep w => $"{id}([\"{Escape(s_wait(w))}\"])",
            WaitForStep w => $"{id}([\"{Escape($"{w.Id}: wait for {w.EventName} ≤ {DurationText.Format(w.Timeout)}")}\"])",
            BranchStep b => $"{id}{{\"{Escape(b.Id + ": branch")}\"}}",
            SplitStep p => $"{id}{{\"{Escape(p.Id + ": split")}\"}}",
            UpdateStep u => $"{id}[/\"{Escape(u.Id + ": update " + string.Join(", ", u.Set.Select(kv => kv.Key).Concat(u.Unset)))}\"/]",
            ExitStep x => $"{id}[[\"{Escape(x.Id + ": exit " + x.Reason)}\"]]",
            _ => $"{id}[\"{Escape(step.Id)}\"]",
        };

        static string s_wait(WaitStep w) => w.WaitKind switch
        {
            WaitKind.For => $"{w.Id}: wait {DurationText.Format(w.Span)}",
            WaitKind.UntilTimeOfDay => $"{w.Id}: wait until {TimeOfDayText.Format(w.TimeOfDay)}",
            _ => $"{w.Id}: wait until {w.Until!.Source}",
        };
    }

    private static IEnumerable<(int Target, string? Label)> Edges(StepDefinition step) => step switch
    {
        BranchStep b => b.Cases.Select(c => (c.Goto, (string?)(c.When?.Source ?? "else")))
            .Concat(b.FallsThrough ? [(b.Next, "no match")] : []),
        SplitStep s => s.Variants.Select(v => (v.Goto, (string?)$"{v.Name} ({v.Weight:0.##})")),
        WaitForStep w => [(w.OnEvent, w.EventName), (w.OnTimeout, "timeout")],
        ExitStep => [(-1, null)],
        _ => [(step.Next, null)],
    };

    private static string Id(StepDefinition step) =>
        "s_" + new string(step.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
