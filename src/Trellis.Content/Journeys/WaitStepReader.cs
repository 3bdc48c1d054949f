using System.Text.RegularExpressions;
using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;

namespace Trellis.Content.Journeys;

/// <summary>Reads <c>wait: 3d</c>, <c>wait: {until: "09:00"}</c> (time of day) or <c>wait: {until: expr}</c> (a moment).</summary>
internal sealed partial class WaitStepReader(FileReaders readers)
{
    public WaitStep Read(StepHeader header, YamlNode node)
    {
        // A broken wait still waits, so that it does not turn its loop into a "cycle with no wait".
        var standIn = new WaitStep(header.Id, header.Location, Duration.Zero) { NextId = header.NextId };
        if (node is YamlMapping map)
        {
            readers.Nodes.CheckFields(map, "wait", ["until"]);
            if (readers.Nodes.Required(map, "until", "wait") is not { } until)
            {
                return standIn;
            }

            if (until is YamlScalar s && LooksLikeTimeOfDay().IsMatch(s.Value.Trim()))
            {
                return readers.Times.TimeOfDay(s, "until") is { } time
                    ? new WaitStep(header.Id, header.Location, time) { NextId = header.NextId }
                    : standIn;
            }

            return readers.Expressions.Read(until, "until", ExpressionUse.Moment) is { } moment
                ? new WaitStep(header.Id, header.Location, moment) { NextId = header.NextId }
                : standIn;
        }

        return readers.Times.NonNegativeDuration(node, "wait") is { } span
            ? new WaitStep(header.Id, header.Location, span) { NextId = header.NextId }
            : standIn;
    }

    /// <summary>"9:00", "09:00", "25:00": meant as a time of day, so a bad one gets the time-of-day message.</summary>
    [GeneratedRegex(@"^\d{1,2}:\d{1,2}(:\d{1,2})?$")]
    private static partial Regex LooksLikeTimeOfDay();
}
