using NodaTime;
using Trellis.Core.Journeys;

namespace Trellis.Core.Policies;

/// <summary>At most <see cref="Max"/> marketing sends on <see cref="Channel"/> (null: any channel) in the sliding window (now − per, now].</summary>
public sealed record FrequencyCap(Channel? Channel, int Max, Duration Per);
