using System.Net;
using Trellis.Channels.Feedback;
using Trellis.Channels.Sms;
using Trellis.Channels.Tests.Support;
using Trellis.Delivery.Tests.Support;
using static Trellis.Delivery.Tests.Support.DeliveryServer;

namespace Trellis.Delivery.Tests.EndToEnd;

/// <summary>
/// Marketing SMS through a Twilio-compatible API, and the recipient's STOP reply arriving at /hooks/twilio with
/// Twilio's signature: the next marketing SMS is skipped for consent; START opts back in.
/// </summary>
public sealed class SmsStopTests : IAsyncLifetime
{
    private const string Phone = "+15551230001";
    private ScriptedHttpServer _twilio = null!;

    public async Task InitializeAsync() => _twilio = await FakeTwilio.StartAsync();

    public async Task DisposeAsync() => await _twilio.DisposeAsync();

    [Fact]
    public async Task After_a_signed_STOP_reply_no_further_marketing_sms_goes_to_that_person_and_START_opts_back_in()
    {
        await using var server = await StartAsync(TestContent.Sms(), FakeTwilio.Settings(_twilio));
        await server.SendAsync(Identify("cy", new { phone = Phone, first_name = "Cy", consent = new { sms = true } }), Track("cy", "sms_requested"));

        await Eventually.TrueAsync(() => _twilio.Requests.Count == 1, "the first SMS at Twilio");
        var sent = _twilio.Requests[0];
        Assert.Equal(FakeTwilio.MessagesPath, sent.Path);
        Assert.Equal(Phone, sent.Form["To"]);
        Assert.Equal("Hi Cy, 20% off today. Reply STOP to opt out.", sent.Form["Body"]);
        Assert.False(string.IsNullOrEmpty(sent.Header(TwilioSmsSender.IdempotencyHeader)));
        await server.WaitForOutboxAsync("cy", e => e.Status == Trellis.Storage.OutboxStatus.Sent, "the SMS recorded as sent");

        using (var stop = await PostTwilioAsync(server, Inbound("SMinbound0001", "STOP")))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
            Assert.Contains("<Response>", await stop.Content.ReadAsStringAsync());
        }

        await server.SendAsync(Track("cy", "sms_requested"));
        await server.WaitForTraceAsync("cy", t => TraceLines.IsSkip(t, "sms-promo", "consent"), "the second SMS skipped for consent");
        Assert.Single(_twilio.Requests);
        Assert.Contains(await server.Store.Consent.ListAsync(Workspace, "cy"), c => c is { Topic: "sms", Granted: false });

        // START: consent back, and the next SMS goes out.
        using (var start = await PostTwilioAsync(server, Inbound("SMinbound0002", "START")))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        await Poll.UntilTrueAsync(async () => (await server.Store.Persons.GetProfileAsync(Workspace, "cy"))!.TraitsJson.Contains("\"sms\":true"), "sms consent back in the profile");
        await server.SendAsync(Track("cy", "sms_requested"));
        await Eventually.TrueAsync(() => _twilio.Requests.Count == 2, "the SMS after START");
    }

    [Fact]
    public async Task A_STOP_with_a_wrong_signature_is_refused_and_changes_nothing()
    {
        await using var server = await StartAsync(TestContent.Sms(), FakeTwilio.Settings(_twilio));
        await server.SendAsync(Identify("di", new { phone = Phone, consent = new { sms = true } }));
        await Poll.UntilAsync(() => server.Store.Persons.GetProfileAsync(Workspace, "di"), "the profile");
        var fields = Inbound("SMforged0001", "STOP");

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/hooks/twilio") { Content = new FormUrlEncodedContent(fields) };
        forged.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute("not-the-auth-token", HookUrl(server), fields));
        using var response = await server.Http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await server.Store.Consent.ListAsync(Workspace, "di"));
        using var unsigned = await server.Http.PostAsync("/hooks/twilio", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
    }

    private static Dictionary<string, string> Inbound(string sid, string body) => new()
    {
        ["MessageSid"] = sid,
        ["SmsSid"] = sid,
        ["AccountSid"] = TwilioAccount,
        ["From"] = Phone,
        ["To"] = TwilioNumber,
        ["Body"] = body,
        ["NumMedia"] = "0",
    };

    private static string HookUrl(DeliveryServer server) => new Uri(server.BaseAddress, "/hooks/twilio").AbsoluteUri;

    /// <summary>Posts as Twilio does: form-encoded, signed over our public URL and the sorted fields.</summary>
    private static Task<HttpResponseMessage> PostTwilioAsync(DeliveryServer server, Dictionary<string, string> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/twilio") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(TwilioAuthToken, HookUrl(server), fields));
        return server.Http.SendAsync(request);
    }
}
