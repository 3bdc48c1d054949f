using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Trellis.Channels.Tokens;
using Trellis.Server.Delivery;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// The open pixel <c>/t/open/{token}</c> (a 1×1 transparent GIF) and click redirects <c>/t/click/{token}</c> (302 to
/// the destination signed into the token, nowhere else: no open redirect). Each records engagement once per
/// message (per link, for clicks) as a <c>message_opened</c> / <c>message_clicked</c> event. A failure to record is
/// logged and the recipient still gets the image or the page they asked for.
/// </summary>
public sealed class TrackingHandler(RecipientTokenGate gate, EngagementRecorder engagement, ILogger<TrackingHandler> logger)
{
    private static readonly byte[] TransparentGif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public async Task<IResult> OpenAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Open, out var claims, out var refusal))
        {
            return refusal;
        }

        await RecordAsync(claims, RecipientEvents.Opened, EngagementIds.For("opened", claims.Workspace, claims.Subject, claims.Reference), context);
        context.Response.Headers.CacheControl = "no-store, max-age=0";
        return Results.File(TransparentGif, "image/gif");
    }

    public async Task<IResult> ClickAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Click, out var claims, out var refusal))
        {
            return refusal;
        }

        if (!Uri.TryCreate(claims.Extra, UriKind.Absolute, out var destination) || (destination.Scheme != Uri.UriSchemeHttp && destination.Scheme != Uri.UriSchemeHttps))
        {
            return new RecipientPage(StatusCodes.Status400BadRequest, "This link is not valid", "<p>The link has no web address to go to.</p>");
        }

        var messageId = EngagementIds.For("clicked", claims.Workspace, claims.Subject, claims.Reference, destination.AbsoluteUri);
        await RecordAsync(claims, RecipientEvents.Clicked, messageId, context, new Dictionary<string, string> { ["url"] = destination.AbsoluteUri });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Redirect(destination.AbsoluteUri, permanent: false);
    }

    private async Task RecordAsync(TokenClaims claims, string eventName, string messageId, HttpContext context, IReadOnlyDictionary<string, string>? extra = null)
    {
        if (!SendReference.TryParse(claims.Reference, out var send))
        {
            return;
        }

        try
        {
            await engagement.RecordAsync(new WorkspaceId(claims.Workspace), claims.Subject, eventName, send, messageId, "tracking", context.RequestAborted, extra);
        }
        catch (StorageException e)
        {
            logger.LogWarning(e, "Could not record {Event} for {Send}", eventName, send);
        }
    }
}
