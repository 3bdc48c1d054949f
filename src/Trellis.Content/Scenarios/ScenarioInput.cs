using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Content.Scenarios;

/// <summary>
/// Something that happens to a person at <see cref="Offset"/> after the start: an event or a profile change.
/// Open for more kinds (engagement such as opens and clicks is planned).
/// </summary>
public abstract record ScenarioInput(Duration Offset, string User, SourceLocation Location)
{
    public int Line => Location.Line;
}
