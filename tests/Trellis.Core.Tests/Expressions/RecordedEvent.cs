using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>One occurrence in a test person's event history.</summary>
internal sealed record RecordedEvent(string Name, Instant At, IReadOnlyDictionary<string, Value> Properties);
