using System.Text.RegularExpressions;

namespace Trellis.Channels.Sms;

/// <summary>Normalises a phone number to E.164 (+ and 7–15 digits) or says it isn't one.</summary>
public static partial class PhoneNumbers
{
    public static string? ToE164(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // People write "+1 (415) 555-0100" and "+44 20 7946 0958"; the API wants the digits.
        var compact = Separators().Replace(text.Trim(), "");
        return E164().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
