using NodaTime;
using NodaTime.Text;
using Trellis.Content.Yaml;
using Trellis.Core.Time;

namespace Trellis.Content.Reading;

/// <summary>Durations, times of day, time zones and instants, with the messages of the core parsers.</summary>
internal sealed class TimeReader(DiagnosticBag diagnostics)
{
    public Duration? Duration(YamlNode node, string field)
    {
        if (node is not YamlScalar { IsNull: false } s)
        {
            diagnostics.Report(node.Line, $"'{field}' must be a duration like 30m, 48h, 14d or 1d6h, not {NodeReader.Shown(node)}");
            return null;
        }

        if (!DurationText.TryParse(s.Value, out var duration, out var error))
        {
            diagnostics.Report(s.Line, $"{field}: {error}");
            return null;
        }

        return duration;
    }

    /// <summary>A duration that must be more than zero (a timeout, a window, a cap period).</summary>
    public Duration? PositiveDuration(YamlNode node, string field)
    {
        var d = Duration(node, field);
        if (d is { } value && value <= NodaTime.Duration.Zero)
        {
            diagnostics.Report(node.Line, $"{field}: must be more than zero, not '{((YamlScalar)node).Value}'");
            return null;
        }

        return d;
    }

    /// <summary>A duration that may be zero but not negative (a wait, an offset from a scenario's start).</summary>
    public Duration? NonNegativeDuration(YamlNode node, string field)
    {
        var d = Duration(node, field);
        if (d is { } value && value < NodaTime.Duration.Zero)
        {
            diagnostics.Report(node.Line, $"{field}: must not be negative, not '{((YamlScalar)node).Value}'");
            return null;
        }

        return d;
    }

    public LocalTime? TimeOfDay(YamlNode node, string field)
    {
        if (node is YamlScalar s && TimeOfDayText.TryParse(s.Value, out var time))
        {
            return time;
        }

        diagnostics.Report(node.Line, $"{field}: {NodeReader.Shown(node)} is not a time of day; write HH:mm in 24-hour time, e.g. \"09:00\"");
        return null;
    }

    public DateTimeZone? TimeZone(YamlNode node, string field)
    {
        if (node is YamlScalar { IsNull: false } s && DateTimeZoneProviders.Tzdb.GetZoneOrNull(s.Value.Trim()) is { } zone)
        {
            return zone;
        }

        var hint = node is YamlScalar sc ? Suggestions.DidYouMean(sc.Value, DateTimeZoneProviders.Tzdb.Ids) : "";
        diagnostics.Report(node.Line, $"{field}: {NodeReader.Shown(node)} is not an IANA time zone (e.g. UTC, Europe/Berlin){hint}");
        return null;
    }

    /// <summary>An ISO-8601 date-time with Z or an offset (2026-03-02T09:00:00Z), or a bare date (midnight UTC).</summary>
    public Instant? Instant(YamlNode node, string field)
    {
        if (node is YamlScalar { IsNull: false } s)
        {
            var text = s.Value.Trim();
            var withOffset = OffsetDateTimePattern.ExtendedIso.Parse(text);
            if (withOffset.Success)
            {
                return withOffset.Value.ToInstant();
            }

            var date = LocalDatePattern.Iso.Parse(text);
            if (date.Success)
            {
                return date.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            }
        }

        diagnostics.Report(node.Line, $"{field}: {NodeReader.Shown(node)} is not an ISO-8601 time; write e.g. 2026-03-02T09:00:00Z");
        return null;
    }
}
