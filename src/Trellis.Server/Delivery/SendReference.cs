using System.Globalization;

namespace Trellis.Server.Delivery;

/// <summary>
/// Names one send step of one journey instance: <c>{journey}#{instance}/{step}</c>, the form the composer signs
/// into recipient tokens. It travels in unsubscribe, open and click tokens so engagement can be attributed to
/// the step (for <c>step("id").opened</c>) and to the journey (for its guardrail).
/// </summary>
public readonly record struct SendReference(string Journey, int Instance, string Step)
{
    public override string ToString() => $"{Journey}#{Instance.ToString(CultureInfo.InvariantCulture)}/{Step}";

    public static bool TryParse(string? text, out SendReference reference)
    {
        reference = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        // Journey ids are slugs without '#'; step ids may not contain '/', instance numbers neither.
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var slash = hash < 0 ? -1 : text.IndexOf('/', hash + 1);
        if (hash <= 0 || slash < 0 || slash == text.Length - 1
            || !int.TryParse(text.AsSpan(hash + 1, slash - hash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var instance))
        {
            return false;
        }

        reference = new SendReference(text[..hash], instance, text[(slash + 1)..]);
        return true;
    }
}
