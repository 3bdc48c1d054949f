using System.Globalization;
using Microsoft.AspNetCore.Http;
using Trellis.Channels.Tests.Support;

namespace Trellis.Delivery.Tests.Support;

/// <summary>A Twilio Messages API on 127.0.0.1 that accepts every message with a fresh sid unless scripted otherwise.</summary>
public static class FakeTwilio
{
    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var server = await ScriptedHttpServer.StartAsync();
        var sids = 0;
        server.Otherwise = context =>
        {
            var sid = "SM" + Interlocked.Increment(ref sids).ToString("D32", CultureInfo.InvariantCulture);
            return ScriptedHttpServer.Respond(StatusCodes.Status201Created, $"{{\"sid\": \"{sid}\", \"status\": \"queued\"}}")(context);
        };
        return server;
    }

    public static string MessagesPath => $"/2010-04-01/Accounts/{DeliveryServer.TwilioAccount}/Messages.json";

    public static Dictionary<string, string?> Settings(ScriptedHttpServer twilio) => new() { ["Trellis:Sms:BaseUrl"] = twilio.BaseUrl.AbsoluteUri };
}
