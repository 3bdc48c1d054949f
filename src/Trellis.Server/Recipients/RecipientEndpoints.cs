using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Trellis.Server.Delivery.Feedback;

namespace Trellis.Server.Recipients;

/// <summary>
/// The endpoints people and providers reach without a key (SPEC §7), each authenticated by what it carries:
/// <list type="bullet">
/// <item><c>GET /unsubscribe/{token}</c> — confirmation page only; <c>POST</c> — RFC 8058 one-click or the page's form: unsubscribes.</item>
/// <item><c>GET|POST /preferences/{token}</c> — the preference centre.</item>
/// <item><c>GET /t/open/{token}</c> — open pixel; <c>GET /t/click/{token}</c> — 302 to the signed destination.</item>
/// <item><c>POST /hooks/{provider}</c> — provider feedback (twilio, ses, sendgrid, postmark).</item>
/// </list>
/// A token that is forged, tampered with, meant for another page or expired gets a plain 404 (400 when expired)
/// page and nothing is recorded.
/// </summary>
public static class RecipientEndpoints
{
    public static WebApplication MapTrellisRecipients(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/unsubscribe/{token}", (string token, HttpContext context, UnsubscribeHandler handler) => handler.ShowAsync(token, context));
        app.MapPost("/unsubscribe/{token}", (string token, HttpContext context, UnsubscribeHandler handler) => handler.UnsubscribeAsync(token, context));
        app.MapGet("/preferences/{token}", (string token, HttpContext context, PreferencesHandler handler) => handler.ShowAsync(token, context));
        app.MapPost("/preferences/{token}", (string token, HttpContext context, PreferencesHandler handler) => handler.SaveAsync(token, context));
        app.MapGet("/t/open/{token}", (string token, HttpContext context, TrackingHandler handler) => handler.OpenAsync(token, context));
        app.MapGet("/t/click/{token}", (string token, HttpContext context, TrackingHandler handler) => handler.ClickAsync(token, context));
        app.MapPost("/hooks/{provider}", (string provider, HttpContext context, FeedbackHookHandler handler) => handler.HandleAsync(provider, context));
        return app;
    }
}
