using Trellis.Content.Reading;
using Trellis.Content.Yaml;

namespace Trellis.Content.Scenarios;

/// <summary>
/// Checks the traits whose meaning the engine relies on, so that a typo fails the scenario file instead of
/// silently changing the test: <c>timezone</c> must be an IANA zone, <c>consent</c> a map of true/false.
/// </summary>
internal static class TraitChecker
{
    public static void Check(YamlMapping traits, FileReaders readers)
    {
        if (traits.Get("timezone") is YamlScalar { IsNull: false } zone)
        {
            readers.Times.TimeZone(zone, "timezone");
        }

        if (traits.Get("consent") is not { } consent)
        {
            return;
        }

        if (consent is not YamlMapping map)
        {
            readers.Report(consent.Line, "consent must be a mapping of topic or channel to true/false, e.g. {sms: true}");
            return;
        }

        foreach (var entry in map.Entries)
        {
            readers.Nodes.Bool(entry.Value, "consent." + entry.Name);
        }
    }
}
