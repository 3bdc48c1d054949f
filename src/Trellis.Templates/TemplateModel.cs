using Trellis.Core.Values;

namespace Trellis.Templates;

/// <summary>
/// The data a template renders from (SPEC §2): <c>profile</c> and <c>event</c> (maps of values; the event is
/// the one that brought the person into the journey), <c>journey</c>, <c>unsubscribe_url</c> and
/// <c>preferences_url</c>. Anything left unset renders as empty text.
/// </summary>
public sealed class TemplateModel
{
    public static TemplateModel Empty { get; } = new();

    public Value Profile { get; init; }

    public Value Event { get; init; }

    public TemplateJourney? Journey { get; init; }

    public string? UnsubscribeUrl { get; init; }

    public string? PreferencesUrl { get; init; }
}
