using NodaTime;
using Trellis.Content.Reading;
using Trellis.Content.Yaml;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;

namespace Trellis.Content.Policies;

/// <summary>Reads <c>policies.yaml</c> (SPEC §3). Anything left out keeps the value of <see cref="PolicySet.Default"/>.</summary>
internal static class PolicyReader
{
    private static readonly string[] Fields =
        ["consent_default", "frequency_caps", "quiet_hours", "arbitration", "on_cap", "suppression", "default_timezone"];

    private static readonly string[] CapFields = ["channel", "max", "per"];
    private static readonly string[] QuietFields = ["start", "end", "channels", "default_timezone"];
    private static readonly string[] ArbitrationFields = ["window", "on_conflict"];
    private static readonly string[] SuppressionFields = ["hard_bounce", "complaint"];
    private static readonly string[] SuppressionActions = ["suppress_address", "suppress_address_and_unsubscribe_all"];
    private static readonly string[] Actions = ["defer", "skip"];

    public static PolicySet? Read(YamlNode? root, DiagnosticBag diagnostics)
    {
        var readers = new FileReaders(diagnostics);
        if (root is null)
        {
            // An empty policies.yaml is allowed: every policy keeps its default.
            return diagnostics.Count == 0 ? PolicySet.Default : null;
        }

        if (readers.Nodes.Mapping(root, "policies.yaml") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "policies", Fields);
        var zone = DefaultZone(map, readers);
        var set = PolicySet.Default with
        {
            ConsentDefault = map.Get("consent_default") is { } c &&
                             readers.Nodes.OneOf(c, "consent_default", ["opt_out", "opt_in"]) == "opt_in"
                ? ConsentDefault.OptIn
                : ConsentDefault.OptOut,
            FrequencyCaps = map.Get("frequency_caps") is { } caps ? ReadCaps(caps, readers) : [],
            QuietHours = map.Get("quiet_hours") is { } q ? ReadQuietHours(q, zone, readers) : null,
            Arbitration = map.Get("arbitration") is { } a ? ReadArbitration(a, readers) : null,
            OnCap = map.Get("on_cap") is { } onCap ? Action(onCap, "on_cap", readers) : ConflictAction.Skip,
            Suppression = map.Get("suppression") is { } s ? ReadSuppression(s, readers) : SuppressionPolicy.Default,
            DefaultTimeZone = zone,
        };
        return set;
    }

    /// <summary>quiet_hours.default_timezone, or a top-level default_timezone; they may not disagree.</summary>
    private static DateTimeZone DefaultZone(YamlMapping map, FileReaders readers)
    {
        var topNode = map.Get("default_timezone");
        var quietNode = (map.Get("quiet_hours") as YamlMapping)?.Get("default_timezone");
        var top = topNode is null ? null : readers.Times.TimeZone(topNode, "default_timezone");
        var quiet = quietNode is null ? null : readers.Times.TimeZone(quietNode, "default_timezone");
        if (top is not null && quiet is not null && top.Id != quiet.Id)
        {
            readers.Report(quietNode!.Line,
                $"default_timezone is '{quiet.Id}' here but '{top.Id}' at line {topNode!.Line}; give it once");
        }

        return quiet ?? top ?? DateTimeZone.Utc;
    }

    private static IReadOnlyList<FrequencyCap> ReadCaps(YamlNode node, FileReaders readers)
    {
        var caps = new List<FrequencyCap>();
        if (readers.Nodes.List(node, "frequency_caps") is not { } list)
        {
            return caps;
        }

        foreach (var item in list.Items)
        {
            if (readers.Nodes.Mapping(item, "a frequency cap") is not { } cap)
            {
                continue;
            }

            readers.Nodes.CheckFields(cap, "frequency cap", CapFields);
            var channelNode = readers.Nodes.Required(cap, "channel", "a frequency cap");
            var maxNode = readers.Nodes.Required(cap, "max", "a frequency cap");
            var perNode = readers.Nodes.Required(cap, "per", "a frequency cap");
            var any = channelNode is YamlScalar { Value: "any" };
            var channel = channelNode is null || any ? null : readers.Channels.Channel(channelNode, "channel");
            var max = maxNode is null ? null : readers.Nodes.WholeNumber(maxNode, "max", 1, int.MaxValue);
            var per = perNode is null ? null : readers.Times.PositiveDuration(perNode, "per");
            if ((any || channel is not null) && max is not null && per is not null)
            {
                caps.Add(new FrequencyCap(channel, max.Value, per.Value));
            }
        }

        return caps;
    }

    private static QuietHours? ReadQuietHours(YamlNode node, DateTimeZone zone, FileReaders readers)
    {
        if (readers.Nodes.Mapping(node, "quiet_hours") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "quiet_hours", QuietFields);
        var startNode = readers.Nodes.Required(map, "start", "quiet_hours");
        var endNode = readers.Nodes.Required(map, "end", "quiet_hours");
        var channelsNode = readers.Nodes.Required(map, "channels", "quiet_hours");
        var start = startNode is null ? null : readers.Times.TimeOfDay(startNode, "start");
        var end = endNode is null ? null : readers.Times.TimeOfDay(endNode, "end");
        var channels = channelsNode is null ? null : readers.Channels.Channels(channelsNode, "channels");
        if (start is not null && start == end)
        {
            readers.Report(endNode!.Line, "quiet_hours: start and end are the same time, so the quiet period is empty");
            return null;
        }

        return start is not null && end is not null && channels is not null
            ? new QuietHours(start.Value, end.Value, new HashSet<Channel>(channels), zone)
            : null;
    }

    private static Arbitration? ReadArbitration(YamlNode node, FileReaders readers)
    {
        if (readers.Nodes.Mapping(node, "arbitration") is not { } map)
        {
            return null;
        }

        readers.Nodes.CheckFields(map, "arbitration", ArbitrationFields);
        var window = readers.Nodes.Required(map, "window", "arbitration") is { } w ? readers.Times.PositiveDuration(w, "window") : null;
        var onConflict = map.Get("on_conflict") is { } c ? Action(c, "on_conflict", readers) : ConflictAction.Defer;
        return window is null ? null : new Arbitration(window.Value, onConflict);
    }

    private static ConflictAction Action(YamlNode node, string field, FileReaders readers) =>
        readers.Nodes.OneOf(node, field, Actions) == "defer" ? ConflictAction.Defer : ConflictAction.Skip;

    private static SuppressionPolicy ReadSuppression(YamlNode node, FileReaders readers)
    {
        if (readers.Nodes.Mapping(node, "suppression") is not { } map)
        {
            return SuppressionPolicy.Default;
        }

        readers.Nodes.CheckFields(map, "suppression", SuppressionFields);
        var hardBounce = map.Get("hard_bounce") is { } h ? readers.Nodes.OneOf(h, "hard_bounce", SuppressionActions) : null;
        var complaint = map.Get("complaint") is { } c ? readers.Nodes.OneOf(c, "complaint", SuppressionActions) : null;
        return new SuppressionPolicy(
            hardBounce ?? SuppressionPolicy.Default.HardBounce,
            complaint ?? SuppressionPolicy.Default.Complaint);
    }
}
