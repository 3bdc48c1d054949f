using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using NodaTime;
using Trellis.Channels.Feedback;
using Trellis.Server.Hosting;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// <c>POST /hooks/{provider}</c> for twilio, ses, sendgrid and postmark. Answers: 200 when the post was applied
/// (or was a redelivery), 404 for an unknown provider, 403 when it cannot be authenticated, 400 when the body
/// is not that provider's format or is over 1 MB, 503 when an SNS signing certificate could not be fetched (SNS
/// delivers again after a 5xx). Twilio gets an empty TwiML response, so an inbound STOP gets no
/// automatic reply from us (Twilio sends its own confirmation).
/// </summary>
public sealed class FeedbackHookHandler(
    HookAuthenticator authenticator,
    FeedbackProcessor processor,
    SnsSubscriptionConfirmer sns,
    IClock clock,
    ILogger<FeedbackHookHandler> logger)
{
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly string[] Providers = ["twilio", "ses", "sendgrid", "postmark"];

    public async Task<IResult> HandleAsync(string provider, HttpContext context)
    {
        provider = provider.ToLowerInvariant();
        if (!Providers.Contains(provider))
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no feedback hook for '{provider}' (use twilio, ses, sendgrid or postmark)");
        }

        var cancellationToken = context.RequestAborted;
        string body;
        try
        {
            body = Encoding.UTF8.GetString(await BoundedBodyReader.ReadAsync(context.Request, MaxBodyBytes, cancellationToken));
        }
        catch (RequestRejectedException e)
        {
            return ApiResults.Error(e.Status, e.Message);
        }

        var form = provider == "twilio" ? FormFields(body) : [];
        if (await authenticator.RefuseAsync(provider, context.Request, body, form, cancellationToken) is { } refusal)
        {
            logger.LogWarning("Refused a {Provider} hook post ({Status}): {Reason}", provider, refusal.Status, refusal.Reason);
            return ApiResults.Error(refusal.Status, refusal.Reason);
        }

        var parsed = provider switch
        {
            "twilio" => TwilioFeedbackParser.Parse(form, clock.GetCurrentInstant().ToDateTimeOffset()),
            "ses" => SesFeedbackParser.Parse(body),
            "sendgrid" => SendGridFeedbackParser.Parse(body),
            _ => PostmarkFeedbackParser.Parse(body),
        };
        if (!parsed.IsValid)
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"not a {provider} feedback post: {parsed.Error}");
        }

        if (parsed.SubscriptionConfirmationUrl is { } confirm)
        {
            await sns.ConfirmAsync(confirm, cancellationToken);
        }

        var outcome = await processor.ApplyAsync(parsed.Events, cancellationToken);
        return provider == "twilio"
            ? Results.Content("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml")
            : ApiResults.Ok(new { success = true, applied = outcome.Applied, duplicates = outcome.Duplicates });
    }

    /// <summary>Twilio posts form-encoded fields; every name/value pair counts for the signature, repeats included.</summary>
    private static List<KeyValuePair<string, string>> FormFields(string body)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in QueryHelpers.ParseQuery(body))
        {
            foreach (var value in values)
            {
                fields.Add(new(name, value ?? ""));
            }
        }

        return fields;
    }
}
