namespace Trellis.Server.Ingestion;

/// <summary>The Segment HTTP Tracking API's size limits; over either the request is refused with 400.</summary>
internal static class SegmentLimits
{
    /// <summary>One call, and each item of a batch (after decompression).</summary>
    public const int MessageBytes = 32 * 1024;

    /// <summary>A whole <c>/v1/batch</c> request body (after decompression).</summary>
    public const int BatchBytes = 500 * 1024;

    /// <summary>Ids, names and messageIds longer than this are refused: they end up in every index.</summary>
    public const int IdLength = 512;
}
