using System.Reflection;
using NodaTime;
using Trellis.Core.Journeys;
using Trellis.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Trellis.Measurement.Simulation.Behavior;

/// <summary>
/// Reads a behaviour file (format: src/Trellis.Measurement/README.md). Every mistake is collected with its
/// line and thrown together as a <see cref="BehaviorFileException"/>, so one run shows them all.
/// </summary>
public static class BehaviorReader
{
    private static readonly string[] TopFields =
        ["start", "default_event_rate", "timezones", "reachability", "consent", "personas", "events", "channels", "responses"];

    /// <summary>The address traits whose presence makes a person reachable on a channel.</summary>
    private static readonly (string Trait, Channel Channel)[] Addresses =
        [("email", Channel.Email), ("phone", Channel.Sms), ("push_token", Channel.Push), ("address", Channel.DirectMail)];

    public static BehaviorModel ReadFile(string path) => Read(File.ReadAllText(path), path);

    /// <summary>The built-in model (used when no --behavior file is given), written in the same format.</summary>
    public static BehaviorModel Default()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Trellis.Measurement.default-behavior.yaml")
                           ?? throw new InvalidOperationException("the default behaviour model is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), "default");
    }

    public static BehaviorModel Read(string text, string file)
    {
        var fields = new YamlFieldReader(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            fields.Report((int)e.Start.Line, "not valid YAML: " + e.Message);
            throw new BehaviorFileException(fields.Diagnostics);
        }

        if (stream.Documents.Count != 1 || fields.Mapping(stream.Documents[0].RootNode, "a behaviour file") is not { } root)
        {
            if (fields.Diagnostics.Count == 0)
            {
                fields.Report(1, "a behaviour file holds one YAML document (a mapping)");
            }

            throw new BehaviorFileException(fields.Diagnostics);
        }

        var model = Read(root, fields, file);
        if (fields.Diagnostics.Count > 0)
        {
            throw new BehaviorFileException(fields.Diagnostics);
        }

        return model;
    }

    private static BehaviorModel Read(YamlMappingNode root, YamlFieldReader fields, string file)
    {
        fields.CheckFields(root, "the behaviour file", TopFields);
        var generators = new GeneratorReader(fields);
        var responses = new ResponseReader(fields);
        var start = Instant.FromUtc(2026, 3, 2, 0, 0);
        if (fields.Get(root, "start") is { } s && fields.Text(s, "start") is { } startText)
        {
            if (InstantText.TryParse(startText, out var parsed))
            {
                start = parsed;
            }
            else
            {
                fields.Report(s, $"start must be a date or an ISO-8601 time such as 2026-03-02T00:00:00Z, not '{startText}'");
            }
        }

        var personas = fields.Get(root, "personas") is { } p ? new PersonaReader(fields, generators).Read(p) : [];
        if (personas.Count == 0 && fields.Get(root, "personas") is null)
        {
            fields.Report(root, "a behaviour file needs personas: (a list of {name, share, traits, events})");
        }

        return new BehaviorModel
        {
            Source = file,
            Start = start,
            DefaultEventRate = fields.Get(root, "default_event_rate") is { } r ? fields.Number(r, "default_event_rate", 0) ?? 0 : 0.02,
            Timezones = fields.Get(root, "timezones") is { } tz ? Timezones(tz, fields, generators) : Utc(),
            Reachability = fields.Get(root, "reachability") is { } reach ? Reachability(reach, fields) : DefaultReachability(),
            Consent = fields.Get(root, "consent") is { } c ? Consent(c, fields) : [],
            Personas = personas,
            Events = fields.Get(root, "events") is { } e ? new EventModelReader(fields, generators).Read(e) : new Dictionary<string, EventModel>(),
            Channels = fields.Get(root, "channels") is { } ch ? responses.Channels(ch) : new Dictionary<Channel, ChannelResponse>(),
            Responses = fields.Get(root, "responses") is { } rs ? responses.Responses(rs) : [],
        };
    }

    private static PickGenerator Timezones(YamlNode node, YamlFieldReader fields, GeneratorReader generators)
    {
        if (fields.Mapping(node, "timezones") is not { } m)
        {
            return Utc();
        }

        foreach (var (zone, keyNode, _) in fields.Entries(m))
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
            {
                fields.Report(keyNode, $"unknown time zone '{zone}' (IANA names such as Europe/Berlin)");
            }
        }

        // Same syntax as a weighted pick: {zone: weight, …}.
        var wrapped = new YamlMappingNode(new YamlScalarNode("pick"), m);
        return generators.Read(wrapped, "timezones", "timezone") as PickGenerator ?? Utc();
    }

    private static Dictionary<Channel, double> Reachability(YamlNode node, YamlFieldReader fields)
    {
        var reach = new Dictionary<Channel, double>();
        if (fields.Mapping(node, "reachability") is not { } m)
        {
            return reach;
        }

        foreach (var (trait, keyNode, value) in fields.Entries(m))
        {
            var match = Array.FindIndex(Addresses, a => a.Trait == trait);
            if (match < 0)
            {
                fields.Report(keyNode, $"unknown address '{trait}' in reachability (addresses: {string.Join(", ", Addresses.Select(a => a.Trait))})");
            }
            else if (fields.Probability(value, $"reachability of {trait}") is { } p)
            {
                reach[Addresses[match].Channel] = p;
            }
        }

        return reach;
    }

    private static List<ConsentRule> Consent(YamlNode node, YamlFieldReader fields)
    {
        var rules = new List<ConsentRule>();
        if (fields.Mapping(node, "consent") is not { } m)
        {
            return rules;
        }

        foreach (var (key, _, value) in fields.Entries(m))
        {
            if (fields.Mapping(value, $"consent '{key}'") is not { } answer)
            {
                continue;
            }

            fields.CheckFields(answer, $"consent '{key}'", "yes", "no");
            var yes = fields.Get(answer, "yes") is { } y ? fields.Probability(y, $"consent '{key}' yes") ?? 0 : 0;
            var no = fields.Get(answer, "no") is { } n ? fields.Probability(n, $"consent '{key}' no") ?? 0 : 0;
            if (yes + no > 1)
            {
                fields.Report(answer, $"consent '{key}': yes and no add up to more than 1");
            }

            rules.Add(new ConsentRule(key, yes, no));
        }

        return rules;
    }

    public static string AddressTrait(Channel channel) => Addresses.First(a => a.Channel == channel).Trait;

    private static PickGenerator Utc() => new([Value.String("UTC")], [1]);

    private static Dictionary<Channel, double> DefaultReachability() => new()
    {
        [Channel.Email] = 0.9,
        [Channel.Sms] = 0.5,
        [Channel.Push] = 0.4,
    };
}
