using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using Trellis.Channels.Tokens;
using Trellis.Channels.Tracking;
using Trellis.Server.Processing;
using Trellis.Templates;

namespace Trellis.Bench;

/// <summary>
/// The server's send path, in three measurements (medians of the runs):
/// <list type="number">
/// <item>render: SendComposer alone (template, signed unsubscribe and preference links, payload JSON), one thread;</item>
/// <item>render + enqueue: the engine's write path on SQLite — claim persons, compose, commit state and outbox entries;</item>
/// <item>SMTP: the outbox dispatcher emptying the outbox into the local smtp-test-server, against what that server
/// accepts from a bare SMTP client (one connection per message, like System.Net.Mail, and kept-open connections).</item>
/// </list>
/// <c>--people</c> is the number of emails rendered and queued (at most 200k: each queued email is ~3 KB of
/// SQLite); the SMTP measurements send min(people, 2000).
/// </summary>
internal static class DeliveryBenchmark
{
    private const string PublicUrl = "https://trellis.bench.example";
    private const int MaxPeople = 200_000;
    private const int MaxSmtpMessages = 2_000;
    private static readonly string TokenKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    public static int Run(BenchOptions options) => RunAsync(options).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchOptions options)
    {
        var people = Math.Min(options.People, MaxPeople);
        var runtime = DeliveryBenchContent.Runtime(DeliveryBenchStore.Workspace);
        var composer = new SendComposer(new TemplateRenderer(), Links());
        Console.WriteLine($"delivery: {people:N0} emails rendered and queued, {options.Runs} runs");

        var render = new List<double>();
        var enqueue = new List<double>();
        for (var run = 1; run <= options.Runs; run++)
        {
            render.Add(people / Render(composer, runtime, people).TotalSeconds);
            await using var bench = await DeliveryBenchStore.CreateAsync(people);
            var clock = Stopwatch.StartNew();
            var queued = await bench.ComposeAndEnqueueAllAsync(composer, runtime);
            enqueue.Add(queued / clock.Elapsed.TotalSeconds);
            Console.WriteLine($"run {run}: render {render[^1]:N0} emails/s; render + enqueue on SQLite {enqueue[^1]:N0} emails/s");
        }

        Console.WriteLine($"median: render {Median.Of(render):N0} emails/s; render + enqueue {Median.Of(enqueue):N0} emails/s");
        await SmtpAsync(Math.Min(people, MaxSmtpMessages), options.Runs, composer, runtime);
        return 0;
    }

    private static async Task SmtpAsync(int messages, int runs, SendComposer composer, WorkspaceRuntime runtime)
    {
        using var sink = SmtpSinkProcess.Start();
        foreach (var concurrency in new[] { 8, 32 })
        {
            var dispatch = new List<double>();
            var perMessage = new List<double>();
            var kept = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                await using (var bench = await DeliveryBenchStore.CreateAsync(messages))
                {
                    await bench.ComposeAndEnqueueAllAsync(composer, runtime);
                    dispatch.Add(messages / (await DispatchBenchHost.DeliverAllAsync(bench, messages, sink.Port, concurrency, PublicUrl, TokenKey)).TotalSeconds);
                }

                perMessage.Add(messages / (await RawSmtpClient.SendAsync(sink.Port, messages, concurrency, reuse: false)).TotalSeconds);
                kept.Add(messages / (await RawSmtpClient.SendAsync(sink.Port, messages, concurrency, reuse: true)).TotalSeconds);
                Console.WriteLine($"smtp ×{concurrency} run {run}: Trellis dispatcher {dispatch[^1]:N0}/s; bare client, connection per message {perMessage[^1]:N0}/s; kept-open connections {kept[^1]:N0}/s");
            }

            Console.WriteLine($"smtp ×{concurrency} median: Trellis dispatcher {Median.Of(dispatch):N0}/s; bare client, connection per message {Median.Of(perMessage):N0}/s; kept-open connections {Median.Of(kept):N0}/s");
        }
    }

    private static TimeSpan Render(SendComposer composer, WorkspaceRuntime runtime, int people)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var persons = Enumerable.Range(0, people).Select(i => SendDecisions.Person(i)).ToArray();
        var bytes = 0L;
        var clock = Stopwatch.StartNew();
        foreach (var person in persons)
        {
            var payload = composer.Compose(DeliveryBenchStore.Workspace.Value, runtime, person, SendDecisions.Send(person, now));
            bytes += JsonSerializer.Serialize(payload).Length;
        }

        var elapsed = clock.Elapsed;
        GC.KeepAlive(bytes);
        return elapsed;
    }

    private static RecipientLinks Links() => new(
        new RecipientLinkOptions { PublicUrl = PublicUrl },
        new RecipientTokens(new SigningKeyRing([new SigningKey("bench", Convert.FromBase64String(TokenKey))], "bench"), TimeProvider.System));
}
