using Trellis.Core.Journeys;

namespace Trellis.Server.Admin;

/// <summary>The outcome of validating an uploaded journey: the definition, or <c>file:line: message</c> errors.</summary>
internal sealed record JourneyValidation(JourneyDefinition? Journey, IReadOnlyList<string> Errors)
{
    public bool IsValid => Journey is not null && Errors.Count == 0;
}
