using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Core.Engine.State;

/// <summary>A send that went out, as caps and arbitration need it (stored packed, see <see cref="PackedSends"/>).</summary>
public readonly record struct SendRecord(Instant At, int Priority, short Journey, Channel Channel, bool Marketing);
