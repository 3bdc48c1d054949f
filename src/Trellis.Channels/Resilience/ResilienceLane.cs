using Polly;

namespace Trellis.Channels.Resilience;

/// <summary>The pipeline (retry + circuit breaker) and rate limit of one provider partition.</summary>
internal sealed record ResilienceLane(ResiliencePipeline<DeliveryResult> Pipeline, TokenBucket? Bucket);
