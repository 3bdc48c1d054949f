namespace Trellis.Server.Admin;

/// <summary>A journey definition sent to <c>PUT /api/journeys/{id}</c>.</summary>
/// <param name="ExpectedVersion">Optimistic concurrency: the version the client edited (0: must be new); null: overwrite.</param>
internal sealed record JourneyUpload(string Source, long? ExpectedVersion);
