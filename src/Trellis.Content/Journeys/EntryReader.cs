using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Expressions;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>entry:</c> — exactly one trigger (event, segment, date, schedule) plus reentry and key.</summary>
internal sealed class EntryReader(FileReaders readers)
{
    private static readonly string[] TriggerFields = ["event", "segment", "date", "schedule"];
    private static readonly string[] Fields = ["event", "when", "segment", "date", "schedule", "reentry", "key"];
    private static readonly string[] DateFields = ["trait", "offset", "at"];
    private static readonly string[] ScheduleFields = ["cron", "audience"];
    private static readonly string[] ReentryWords = ["never", "always"];

    /// <summary>The entry; when the trigger is broken (reported) a stand-in keeps the rest of the journey checkable.</summary>
    public EntryDefinition Read(YamlNode node)
    {
        var standIn = new EntryDefinition(new EventTrigger("", null), Reentry.Never, null);
        if (readers.Nodes.Mapping(node, "entry") is not { } map)
        {
            return standIn;
        }

        readers.Nodes.CheckFields(map, "entry", Fields);
        var trigger = ReadTrigger(map);
        var reentry = map.Get("reentry") is { } r ? ReadReentry(r) : Reentry.Never;
        var key = map.Get("key") is { } k ? readers.Expressions.Read(k, "key") : null;
        return new EntryDefinition(trigger ?? standIn.Trigger, reentry, key);
    }

    private Trigger? ReadTrigger(YamlMapping map)
    {
        var triggers = map.Entries.Where(e => TriggerFields.Contains(e.Name)).ToList();
        if (triggers.Count == 0)
        {
            readers.Report(map.Line, "entry needs one trigger: event, segment, date or schedule");
            return null;
        }

        if (triggers.Count > 1)
        {
            var names = string.Join(", ", triggers.Select(t => t.Name));
            readers.Report(triggers[1].Key.Line, $"entry has several triggers ({names}); use exactly one");
            return null;
        }

        var trigger = triggers[0];
        if (trigger.Name != "event" && map.Find("when") is { } when)
        {
            readers.Report(when.Key.Line, $"'when' in entry goes with an event trigger; a {trigger.Name} entry cannot use it");
        }

        return trigger.Name switch
        {
            "event" => ReadEventTrigger(trigger.Value, map.Get("when")),
            "segment" => readers.Expressions.Read(trigger.Value, "segment", ExpressionUse.Condition) is { } condition ? new SegmentTrigger(condition) : null,
            "date" => ReadDateTrigger(trigger.Value),
            _ => ReadScheduleTrigger(trigger.Value),
        };
    }

    private EventTrigger? ReadEventTrigger(YamlNode eventNode, YamlNode? whenNode)
    {
        var name = readers.Nodes.Text(eventNode, "event");
        Expression? when = null;
        if (whenNode is not null)
        {
            when = readers.Expressions.Read(whenNode, "when", ExpressionUse.Condition);
        }

        return name is null ? null : new EventTrigger(name, when);
    }

    private DateTrigger? ReadDateTrigger(YamlNode node)
    {
        if (readers.Nodes.Mapping(node, "date") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "date", DateFields);
        var trait = readers.Nodes.Required(map, "trait", "date") is { } t ? readers.Nodes.Text(t, "trait") : null;
        var offsetDays = 0;
        var ok = trait is not null;
        if (map.Get("offset") is { } offsetNode)
        {
            if (readers.Times.Duration(offsetNode, "offset") is { } offset)
            {
                if (offset.BclCompatibleTicks % NodaConstants.TicksPerDay != 0)
                {
                    readers.Report(offsetNode.Line,
                        $"offset: '{((YamlScalar)offsetNode).Value}' is not a whole number of days; a date offset moves the calendar date (e.g. -21d)");
                    ok = false;
                }
                else
                {
                    offsetDays = (int)(offset.BclCompatibleTicks / NodaConstants.TicksPerDay);
                }
            }
            else
            {
                ok = false;
            }
        }

        // Without `at` the entry happens at the start of that local day.
        var at = LocalTime.Midnight;
        if (map.Get("at") is { } atNode)
        {
            if (readers.Times.TimeOfDay(atNode, "at") is { } time)
            {
                at = time;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? new DateTrigger(trait!, offsetDays, at) : null;
    }

    private ScheduleTrigger? ReadScheduleTrigger(YamlNode node)
    {
        if (readers.Nodes.Mapping(node, "schedule") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "schedule", ScheduleFields);
        var audience = map.Get("audience") is { } a ? readers.Expressions.Read(a, "audience", ExpressionUse.Condition) : null;
        if (readers.Nodes.Required(map, "cron", "schedule") is not { } cronNode || readers.Nodes.Text(cronNode, "cron") is not { } cron)
        {
            return null;
        }

        if (!CronSchedule.TryParse(cron, out var schedule, out var error) || schedule is null)
        {
            readers.Report(cronNode.Line, "cron: " + error);
            return null;
        }

        return new ScheduleTrigger(cron, schedule, audience);
    }

    private Reentry ReadReentry(YamlNode node)
    {
        if (node is YamlScalar s && ReentryWords.Contains(s.Value))
        {
            return s.Value == "always" ? Reentry.Always : Reentry.Never;
        }

        if (node is YamlMapping map)
        {
            readers.Nodes.CheckFields(map, "reentry", ["after"]);
            if (readers.Nodes.Required(map, "after", "reentry") is { } afterNode &&
                readers.Times.PositiveDuration(afterNode, "after") is { } after)
            {
                return new Reentry(ReentryMode.After, after);
            }

            return Reentry.Never;
        }

        var hint = node is YamlScalar sc ? Suggestions.DidYouMean(sc.Value, ReentryWords) : "";
        readers.Report(node.Line, $"reentry must be never, always or {{after: duration}} (e.g. {{after: 30d}}), not {NodeReader.Shown(node)}{hint}");
        return Reentry.Never;
    }
}
