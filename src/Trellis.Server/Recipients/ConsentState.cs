using System.Text.Json;
using Trellis.Core.Policies;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// A person's current yes/no per topic and channel as the preference page shows it: the profile's
/// <c>consent</c> trait (the engine's view), overlaid with consent recorded since the profile was last updated
/// (an unsubscribe the engine has not processed yet), read with the engine's rules for what silence means.
/// </summary>
public sealed class ConsentState
{
    private readonly Dictionary<string, bool> _answers;
    private readonly ConsentDefault _mode;

    private ConsentState(Dictionary<string, bool> answers, ConsentDefault mode)
    {
        _answers = answers;
        _mode = mode;
    }

    public static ConsentState Of(PersonProfile? profile, ConsentDefault mode)
    {
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (profile is null)
        {
            return new ConsentState(answers, mode);
        }

        try
        {
            using var traits = JsonDocument.Parse(profile.TraitsJson);
            if (traits.RootElement.ValueKind == JsonValueKind.Object
                && traits.RootElement.TryGetProperty("consent", out var consent) && consent.ValueKind == JsonValueKind.Object)
            {
                foreach (var answer in consent.EnumerateObject())
                {
                    if (answer.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        answers[answer.Name] = answer.Value.GetBoolean();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Unreadable traits: show the defaults rather than fail the page.
        }

        foreach (var (topic, record) in profile.Consent)
        {
            if (record.At > profile.UpdatedAt)
            {
                answers[topic] = record.Granted;
            }
        }

        return new ConsentState(answers, mode);
    }

    /// <summary>The state right after the person saved these answers.</summary>
    public static ConsentState FromAnswers(IReadOnlyDictionary<string, bool> answers, ConsentDefault mode) =>
        new(new Dictionary<string, bool>(answers, StringComparer.Ordinal), mode);

    /// <summary>Topics the person has answered for, beyond the workspace's current ones.</summary>
    public IEnumerable<string> AnsweredTopics => _answers.Keys;

    /// <summary>Marketing at all: allowed unless "all" (or "marketing") is an explicit no.</summary>
    public bool AllowsMarketing => IsNotNo("all") && IsNotNo("marketing");

    /// <summary>SMS marketing needs an explicit yes; other channels are allowed unless refused.</summary>
    public bool AllowsChannel(string channel) => channel == "sms" ? IsYes(channel) : IsNotNo(channel);

    public bool AllowsTopic(string topic) => _mode == ConsentDefault.OptIn ? IsYes(topic) : IsNotNo(topic);

    private bool IsYes(string key) => _answers.TryGetValue(key, out var yes) && yes;

    private bool IsNotNo(string key) => !_answers.TryGetValue(key, out var yes) || yes;
}
