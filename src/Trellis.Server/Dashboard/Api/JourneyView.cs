using Trellis.Core.Journeys;
using Trellis.Server.Dashboard.Graph;
using Trellis.Storage;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// A stored journey as the dashboard shows it: its record, the definition when it validates, the validation
/// messages (<c>file:line: message</c>) and its graph. Built once per version (see <see cref="JourneyViewCache"/>).
/// </summary>
public sealed record JourneyView(JourneyRecord Record, JourneyDefinition? Definition, IReadOnlyList<string> Problems, JourneyGraph? Graph);
