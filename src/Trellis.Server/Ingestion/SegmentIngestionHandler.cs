using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Server.Auth;
using Trellis.Server.Health;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Server.Ingestion;

/// <summary>
/// One Segment request, start to end: bounded read, write key (Basic user name, else the body's
/// <c>writeKey</c>), parse and check every call, one durable append, then 200 — only after the commit, so an
/// acknowledged event is never lost — and a nudge for the engine. A request with any bad call is refused as a
/// whole (400, nothing stored) and the error names the call, so the client learns of it instead of silently
/// losing part of a batch. While the engine's backlog is over its bound (<see cref="IngestionAdmission"/>) the
/// request is held, then refused with 429 + Retry-After before anything is stored. Events of erased persons are refused by storage one by one and still get 200, as
/// Segment does; they are counted in <c>trellis_events_refused_total</c>.
/// </summary>
internal sealed class SegmentIngestionHandler
{
    private readonly ITrellisStore _store;
    private readonly WorkspaceKeyLookup _keys;
    private readonly IClock _clock;
    private readonly ServerMetrics _metrics;
    private readonly WorkSignal _signal;
    private readonly IngestionAdmission _admission;
    private readonly EngineBacklog _backlog;
    private readonly ILogger<SegmentIngestionHandler> _logger;

    public SegmentIngestionHandler(ITrellisStore store, WorkspaceKeyLookup keys, IClock clock, ServerMetrics metrics, WorkSignal signal,
        IngestionAdmission admission, EngineBacklog backlog, ILogger<SegmentIngestionHandler> logger)
    {
        _store = store;
        _keys = keys;
        _clock = clock;
        _metrics = metrics;
        _signal = signal;
        _admission = admission;
        _backlog = backlog;
        _logger = logger;
    }

    /// <param name="fixedKind">The type of a single-call endpoint; null for <c>/v1/batch</c>.</param>
    public async Task<IResult> HandleAsync(HttpContext context, EventKind? fixedKind)
    {
        var cancellationToken = context.RequestAborted;
        var receivedAt = _clock.GetCurrentInstant();
        try
        {
            WorkspaceId? workspace = null;
            if (AuthorizationHeader.IsPresent(context.Request))
            {
                // Checked before the body is read: an unauthenticated client costs no parsing.
                workspace = await AuthenticateAsync(AuthorizationHeader.BasicUserName(context.Request), cancellationToken);
            }

            var limit = fixedKind is null ? SegmentLimits.BatchBytes : SegmentLimits.MessageBytes;
            var body = await BoundedBodyReader.ReadAsync(context.Request, limit, cancellationToken);
            using var document = SegmentRequestReader.Parse(body);
            workspace ??= await AuthenticateAsync(SegmentRequestReader.BodyWriteKey(document.RootElement), cancellationToken);
            var events = SegmentRequestReader.Events(document.RootElement, fixedKind, receivedAt);
            if (events.Count > 0)
            {
                var (admitted, held) = await _admission.EnterAsync(events.Count, cancellationToken);
                if (held)
                {
                    _metrics.RequestsHeld.Increment();
                }

                if (!admitted)
                {
                    // Nothing was stored: the client sends the whole request again after Retry-After.
                    _metrics.RequestsRejected.Increment("backlog");
                    context.Response.Headers.RetryAfter = _admission.RetryAfterSeconds;
                    return ApiResults.Error(StatusCodes.Status429TooManyRequests, "the engine is behind, retry shortly");
                }

                try
                {
                    var result = await _store.Events.AppendAsync(workspace.Value, events, cancellationToken);
                    _backlog.Accepted(result.AppendedCount);
                    _metrics.EventsIngested.Increment(result.AppendedCount);
                    _metrics.EventsDuplicate.Increment(result.DuplicateCount);
                    _metrics.EventsRefused.Increment(result.RefusedCount);
                    if (result.AppendedCount > 0)
                    {
                        _signal.Notify();
                    }
                }
                finally
                {
                    // After Accepted, so the backlog plus the reservations never dips below what is pending.
                    _admission.Release(events.Count);
                }
            }

            return ApiResults.Success();
        }
        catch (RequestRejectedException e)
        {
            _metrics.RequestsRejected.Increment(e.Reason);
            if (e.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"trellis\"";
            }

            return ApiResults.Error(e.Status, e.Message);
        }
        catch (StorageException e) when (e.IsTransient)
        {
            // 503 + Retry-After: Segment clients retry it, so nothing is lost while storage is busy.
            _metrics.RequestsRejected.Increment("unavailable");
            _logger.LogWarning(e, "Ingestion: storage busy, asking the client to retry");
            context.Response.Headers.RetryAfter = "1";
            return ApiResults.Error(StatusCodes.Status503ServiceUnavailable, "storage is busy, retry shortly");
        }
    }

    private async Task<WorkspaceId> AuthenticateAsync(string? writeKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(writeKey))
        {
            throw new RequestRejectedException(StatusCodes.Status401Unauthorized, "unauthorized",
                "missing write key: send it as the HTTP Basic user name (empty password)");
        }

        return await _keys.FindAsync(KeyKind.Write, writeKey, cancellationToken)
            ?? throw new RequestRejectedException(StatusCodes.Status401Unauthorized, "unauthorized", "invalid write key");
    }
}
