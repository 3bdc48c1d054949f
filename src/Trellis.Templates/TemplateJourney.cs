using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Templates;

/// <summary>The journey a message is sent from, as templates see it: <c>{{journey.id}}</c>, <c>{{journey.key}}</c>, <c>{{journey.entered_at}}</c>.</summary>
public sealed record TemplateJourney(string Id, Value Key = default, Instant? EnteredAt = null);
