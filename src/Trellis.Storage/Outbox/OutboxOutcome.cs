namespace Trellis.Storage;

/// <summary>What a dispatcher records for a claimed entry (see <see cref="OutboxMark"/>).</summary>
public enum OutboxOutcome
{
    /// <summary>The provider accepted it: <see cref="OutboxStatus.Sent"/>.</summary>
    Sent,

    /// <summary>A failed attempt to try again later: back to <see cref="OutboxStatus.Pending"/> from the retry time.</summary>
    Retry,

    /// <summary>Given up for good: <see cref="OutboxStatus.Failed"/>.</summary>
    Failed,
}
