using System.Diagnostics;
using System.Text;
using NodaTime;
using Trellis.Channels.Tokens;
using Trellis.Channels.Tracking;
using Trellis.Server.Processing;
using Trellis.Templates;

namespace Trellis.Bench.Delivery;

/// <summary>
/// The server's send path, in three measurements (medians of the runs):
/// <list type="number">
/// <item>render: SendComposer alone (template, signed unsubscribe and preference links, payload JSON), one thread;</item>
/// <item>render + enqueue: the engine's write path on SQLite — claim persons, compose, commit state and outbox entries;</item>
/// <item>SMTP: the outbox dispatcher emptying the outbox into the local smtp-test-server, against what that server
/// accepts from a bare SMTP client (one connection per message, like System.Net.Mail, and kept-open connections).</item>
/// </list>
/// <c>--people</c> is the number of emails rendered and queued (at most 200k: each queued email is ~3 KB of
/// SQLite); the SMTP measurements send min(people, <c>--messages</c>) per run (default 4000, at most 50k).
/// </summary>
internal static class DeliveryBenchmark
{
    private const string PublicUrl = "https://trellis.bench.example";
    private const int MaxPeople = 200_000;
    // Enough that the host's start (content load, JIT, first connections) is a small part of a dispatch run;
    // --messages raises it, so that the window is long and the JIT's tiering is over before it (see SmtpAsync).
    private const int DefaultSmtpMessages = 4_000;
    private const int MaxSmtpMessages = 50_000;
    // A connection per message is slow (75–300/s): this many give a stable rate without minutes per run.
    private const int MaxPerMessageConnections = 400;
    private static readonly string TokenKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    /// <summary>
    /// <c>--part render|smtp|dispatch|all</c> (default all) picks the measurements — <c>dispatch</c> is the SMTP
    /// dispatcher alone, without the bare clients, for profiling; <c>--backend sqlite|postgres</c> (default sqlite; postgres
    /// takes its connection string from <c>TRELLIS_BENCH_PG</c>) the store; <c>--messages N</c> is how many emails each
    /// SMTP run sends (default 4000); the other options are <see cref="BenchOptions"/>.
    /// </summary>
    public static int Run(string[] args)
    {
        var part = "all";
        var backend = "sqlite";
        var smtpMessages = DefaultSmtpMessages;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--part" && i + 1 < args.Length)
            {
                part = args[++i];
            }
            else if (args[i] == "--backend" && i + 1 < args.Length)
            {
                backend = args[++i];
            }
            else if (args[i] == "--messages" && i + 1 < args.Length)
            {
                smtpMessages = Math.Clamp(int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture), 100, MaxSmtpMessages);
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        if (part is not ("render" or "smtp" or "dispatch" or "all"))
        {
            Console.Error.WriteLine("--part must be render, smtp, dispatch or all");
            return 2;
        }

        if (backend == "postgres")
        {
            DeliveryBenchStore.Postgres = Environment.GetEnvironmentVariable("TRELLIS_BENCH_PG");
            if (string.IsNullOrEmpty(DeliveryBenchStore.Postgres))
            {
                Console.Error.WriteLine("--backend postgres needs TRELLIS_BENCH_PG (scripts/ensure-postgres.sh prints a connection string)");
                return 2;
            }
        }
        else if (backend != "sqlite")
        {
            Console.Error.WriteLine("--backend must be sqlite or postgres");
            return 2;
        }

        return RunAsync(BenchOptions.Parse([.. rest]), part, smtpMessages).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(BenchOptions options, string part, int smtpMessages)
    {
        var people = Math.Min(options.People, MaxPeople);
        var runtime = DeliveryBenchContent.Runtime(DeliveryBenchStore.Workspace);
        var links = Links();
        var composer = new SendComposer(new TemplateRenderer(), links);
        Console.WriteLine($"delivery on {DeliveryBenchStore.BackendName}: {people:N0} emails rendered and queued, {options.Runs} runs");
        if (part is "smtp" or "dispatch")
        {
            await SmtpAsync(Math.Min(people, smtpMessages), options.Runs, composer, runtime, bareClients: part == "smtp");
            return 0;
        }

        // Wall-clock rates and rates per CPU-second of this process: on a shared, loaded machine the second says
        // what the code costs, the first what this machine happened to give it. Render + enqueue runs three ways: on
        // one thread (comparable with the figures before), composing each batch on every core before committing it,
        // and as EngineWorker runs now (the next batch composed on every core while the previous one commits).
        List<double> render = [], renderCpu = [], baselineCpu = [];
        List<EnqueueRun> oneThread = [], allCores = [], pipelined = [];
        var payloadBytes = 0.0;
        for (var run = 1; run <= options.Runs; run++)
        {
            var (wall, cpu, bytes) = Render(composer, runtime, people);
            render.Add(people / wall.TotalSeconds);
            renderCpu.Add(people / cpu.TotalSeconds);
            payloadBytes = bytes;
            oneThread.Add(await EnqueueRun.MeasureAsync(people, composer, runtime, EnqueueMode.OneThread));
            allCores.Add(await EnqueueRun.MeasureAsync(people, composer, runtime, EnqueueMode.AllCores));
            pipelined.Add(await EnqueueRun.MeasureAsync(people, composer, runtime, EnqueueMode.Pipelined));
            baselineCpu.Add((await EnqueueRun.MeasureAsync(people, null, runtime, EnqueueMode.OneThread)).PerCpuSecond);
            Console.WriteLine($"run {run}: render {render[^1]:N0} emails/s ({renderCpu[^1]:N0} per CPU-second, payload {payloadBytes:N0} B UTF-8); " +
                              $"render + enqueue on {DeliveryBenchStore.BackendName}, one thread {oneThread[^1]}, composing on all cores {allCores[^1]}, as EngineWorker (pipelined) {pipelined[^1]}; " +
                              $"claim + commit without a send {baselineCpu[^1]:N0} persons per CPU-second; " +
                              RenderBreakdown.Measure(runtime, links, Math.Min(people, 20_000)));
        }

        Console.WriteLine($"median: render {Median.Of(render):N0} emails/s ({Median.Of(renderCpu):N0} per CPU-second, payload {payloadBytes:N0} B); " +
                          $"render + enqueue, one thread {Median.Of(oneThread.Select(r => r.PerSecond)):N0} emails/s " +
                          $"({Median.Of(oneThread.Select(r => r.PerCpuSecond)):N0} per CPU-second), " +
                          $"composing on all cores {Median.Of(allCores.Select(r => r.PerSecond)):N0} emails/s " +
                          $"({Median.Of(allCores.Select(r => r.PerCpuSecond)):N0} per CPU-second), " +
                          $"as EngineWorker (pipelined) {Median.Of(pipelined.Select(r => r.PerSecond)):N0} emails/s " +
                          $"({Median.Of(pipelined.Select(r => r.PerCpuSecond)):N0} per CPU-second); " +
                          $"claim + commit without a send {Median.Of(baselineCpu):N0} per CPU-second; " +
                          $"load average {LoadAverage()} on {Environment.ProcessorCount} CPUs");
        if (part == "all")
        {
            await SmtpAsync(Math.Min(people, smtpMessages), options.Runs, composer, runtime, bareClients: true);
        }

        return 0;
    }

    /// <summary>
    /// Dispatcher and bare client against the same server, with the CPU each side spent per message: the client's
    /// (this process) and the server's (the node process). Trellis is "limited by the server" when the server
    /// spends more CPU per message than Trellis does, so that with a core each the server saturates first.
    /// </summary>
    private static async Task SmtpAsync(int messages, int runs, SendComposer composer, WorkspaceRuntime runtime, bool bareClients)
    {
        using var sink = SmtpSinkProcess.Start();
        // The GC as the process runs it: `trellis serve` runs Server GC, DATAS off, not concurrent (Trellis.Cli.csproj);
        // run this with DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0 DOTNET_gcConcurrent=0 to measure the same.
        Console.WriteLine($"smtp: {messages:N0} messages per run; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, " +
                          $"{System.Runtime.GCSettings.LatencyMode}, DATAS {Environment.GetEnvironmentVariable("DOTNET_GCDynamicAdaptationMode") ?? "default"}; " +
                          $"{Environment.ProcessorCount} CPUs, load average {LoadAverage()}");
        // Uncounted: the first dispatch in a process JITs and tiers up the whole send path, and the first at each
        // concurrency compiles more (a ×32 window after an ×8-only warm-up still compiled ~250 methods, 117 µs/msg):
        // `trellis serve` pays that once per process, not per message.
        foreach (var warmConcurrency in new[] { 8, 32 })
        {
            Console.WriteLine($"warm-up dispatch ×{warmConcurrency} (not counted): {await DispatchAsync(sink, messages, warmConcurrency, composer, runtime)}");
        }

        if (bareClients)
        {
            Console.WriteLine($"warm-up bare client (not counted): {await SmtpRun.MeasureAsync(sink, messages / 4, () => RawSmtpClient.SendAsync(sink.Port, messages / 4, 8, reuse: true))}");
        }

        foreach (var concurrency in new[] { 8, 32 })
        {
            List<SmtpRun> dispatch = [], perMessage = [], kept = [];
            for (var run = 1; run <= runs; run++)
            {
                dispatch.Add(await DispatchAsync(sink, messages, concurrency, composer, runtime));

                if (!bareClients)
                {
                    Console.WriteLine($"smtp ×{concurrency} run {run}: Trellis dispatcher {dispatch[^1]}");
                    continue;
                }

                // A connection per message is slow enough that a quarter of the messages (at most 400) gives a stable rate.
                var fewer = Math.Max(concurrency, Math.Min(MaxPerMessageConnections, messages / 4));
                perMessage.Add(await SmtpRun.MeasureAsync(sink, fewer, () => RawSmtpClient.SendAsync(sink.Port, fewer, concurrency, reuse: false)));
                kept.Add(await SmtpRun.MeasureAsync(sink, messages, () => RawSmtpClient.SendAsync(sink.Port, messages, concurrency, reuse: true)));
                Console.WriteLine($"smtp ×{concurrency} run {run}: Trellis dispatcher {dispatch[^1]}; bare client, connection per message {perMessage[^1]}; kept-open connections {kept[^1]}");
            }

            if (!bareClients)
            {
                Console.WriteLine($"smtp ×{concurrency} median: Trellis dispatcher {SmtpRun.Median(dispatch)}; load average {LoadAverage()}");
                continue;
            }

            var (trellis, bare) = (SmtpRun.Median(dispatch), SmtpRun.Median(kept));
            Console.WriteLine($"smtp ×{concurrency} median: Trellis dispatcher {trellis}; bare client, connection per message {SmtpRun.Median(perMessage)}; " +
                              $"kept-open connections {bare}; load average {LoadAverage()}");
            Console.WriteLine($"smtp ×{concurrency}: the dispatcher reaches {trellis.PerSecond / bare.PerSecond:P0} of the kept-open client's rate; " +
                              $"Trellis spends {trellis.ClientCpuMicros / trellis.ServerCpuMicros:N2}× the server's CPU per message (the bare client {bare.ClientCpuMicros / bare.ServerCpuMicros:N2}×)");
        }
    }

    private static async Task<SmtpRun> DispatchAsync(SmtpSinkProcess sink, int messages, int concurrency, SendComposer composer, WorkspaceRuntime runtime)
    {
        await using var bench = await DeliveryBenchStore.CreateAsync(messages);
        await bench.ComposeAndEnqueueAllAsync(composer, runtime);
        return await DispatchBenchHost.DeliverAllAsync(bench, messages, sink, concurrency, PublicUrl, TokenKey);
    }

    /// <summary>Composes every email on this thread; returns the time it took and a payload's mean UTF-8 bytes.</summary>
    private static (TimeSpan Wall, TimeSpan Cpu, long PayloadBytes) Render(SendComposer composer, WorkspaceRuntime runtime, int people)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var persons = Enumerable.Range(0, people).Select(i => SendDecisions.Person(i)).ToArray();
        var bytes = 0L;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var person in persons)
        {
            var payload = composer.Compose(DeliveryBenchStore.Workspace.Value, runtime, person, SendDecisions.Send(person, now));
            bytes += OutboxPayloadJson.Serialize(payload).Length;
        }

        var elapsed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        GC.KeepAlive(bytes);
        // The stored size, outside the timing: UTF-8 bytes of the first thousand payloads.
        var sample = persons.Take(1000).ToArray();
        var utf8 = sample.Sum(p => (long)Encoding.UTF8.GetByteCount(OutboxPayloadJson.Serialize(
            composer.Compose(DeliveryBenchStore.Workspace.Value, runtime, p, SendDecisions.Send(p, now)))));
        return (elapsed, cpu, utf8 / sample.Length);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static RecipientLinks Links() => new(
        new RecipientLinkOptions { PublicUrl = PublicUrl },
        new RecipientTokens(new SigningKeyRing([new SigningKey("bench", Convert.FromBase64String(TokenKey))], "bench"), TimeProvider.System));
}
