using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using Trellis.Server.Delivery;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Bench.Delivery;

/// <summary>
/// The server's delivery services (<c>AddTrellisProcessing</c> + <c>AddTrellisDelivery</c>, as <c>trellis serve</c>
/// wires them) in a plain host over a prepared store: measures how fast the outbox dispatcher empties the outbox
/// into an SMTP server — claim, guard, tracking rewrite, SMTP, mark sent. Measured in steady state: from the
/// moment the first tenth of the messages is sent to the last, so the host's start (content load, template
/// compilation, first connections, JIT) — paid once per process by <c>trellis serve</c> — is not counted per message.
/// </summary>
internal static class DispatchBenchHost
{
    // The harness's own wake-ups are counted as Trellis's CPU: a 1 ms poll woke the process ~1000 times a second.
    // The window's end is late by at most this, against windows of seconds.
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    public static async Task<SmtpRun> DeliverAllAsync(DeliveryBenchStore bench, int expected, SmtpSinkProcess sink, int concurrency, string publicUrl, string tokenKey)
    {
        var content = Path.Combine(bench.Folder, "content");
        Directory.CreateDirectory(Path.Combine(content, "templates"));
        await File.WriteAllTextAsync(Path.Combine(content, "templates", "news.template.yaml"), DeliveryBenchContent.TemplateYaml);
        var now = SystemClock.Instance.GetCurrentInstant();
        await bench.Store.Journeys.SaveSourceAsync(DeliveryBenchStore.Workspace, "news", DeliveryBenchContent.JourneyYaml, now);
        await bench.Store.Journeys.SetStatusAsync(DeliveryBenchStore.Workspace, "news", JourneyStatus.Live, "benchmark", now);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = bench.Folder, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Trellis:Smtp:Host"] = "127.0.0.1",
            ["Trellis:Smtp:Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Trellis:Smtp:From"] = "Acme News <news@acme.example>",
            ["Trellis:Urls:Public"] = publicUrl,
            ["Trellis:Tokens:Keys:bench"] = tokenKey,
            ["Trellis:Delivery:Concurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
            // As many pooled SMTP sessions as the bare client's connections, so both sides get the same parallelism.
            ["Trellis:Smtp:MaxConnections"] = concurrency.ToString(CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(bench.Store);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTrellisProcessing(content);
        builder.Services.AddTrellisDelivery(builder.Configuration);
        using var host = builder.Build();
        var stats = host.Services.GetRequiredService<DeliveryStats>();
        await host.StartAsync();
        var warm = Math.Max(1, expected / 10);
        while (Done(stats) < warm)
        {
            await Task.Delay(PollEvery);
        }

        var (sentBefore, claimsBefore) = (Done(stats), stats.Claims);
        var clientBefore = DeliveryBenchStore.TrellisCpuSeconds();
        var serverBefore = sink.Cpu;
        var (jitMethodsBefore, jitTimeBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var (gcPauseBefore, gcCountBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var windowStart = Stopwatch.GetTimestamp();
        while (Done(stats) < expected)
        {
            await Task.Delay(PollEvery);
        }

        var windowEnd = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(windowStart, windowEnd);
        // On PostgreSQL the database server's CPU is part of what a send costs Trellis.
        var client = TimeSpan.FromSeconds(DeliveryBenchStore.TrellisCpuSeconds() - clientBefore);
        var server = sink.Cpu - serverBefore;
        var (jitMethods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethodsBefore, System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore);
        var (gcPause, gcCount) = (GC.GetTotalPauseDuration() - gcPauseBefore, GC.CollectionCount(0) - gcCountBefore);
        var measured = Done(stats) - sentBefore;
        var claims = stats.Claims - claimsBefore;
        await host.StopAsync();
        if (stats.Sent != expected)
        {
            throw new InvalidOperationException($"only {stats.Sent} of {expected} sent ({stats.Failed} failed, {stats.Cancelled} cancelled)");
        }

        // What the window spent outside Trellis's own work: methods still being (re)compiled, and GC pauses.
        Console.WriteLine($"  dispatcher: {measured} messages measured after {sentBefore} warm ones, {measured / (double)Math.Max(1, claims):N1} per claim; " +
                          $"in the window {jitMethods} methods JIT-compiled in {jitTime.TotalMilliseconds:N0} ms ({jitTime.TotalMicroseconds / measured:N0} µs/msg), " +
                          $"{gcCount} GCs pausing {gcPause.TotalMilliseconds:N0} ms; window {Monotonic(windowStart)}–{Monotonic(windowEnd)} s " +
                          "(CLOCK_MONOTONIC: `perf record -k CLOCK_MONOTONIC`, then `perf report --time` the window)");
        return new SmtpRun(measured / elapsed.TotalSeconds, client.TotalMicroseconds / measured, server.TotalMicroseconds / measured);
    }

    // On Linux the stopwatch is CLOCK_MONOTONIC, which `perf record -k CLOCK_MONOTONIC` stamps its samples with.
    private static string Monotonic(long timestamp) =>
        (timestamp / (double)Stopwatch.Frequency).ToString("F6", CultureInfo.InvariantCulture);

    private static long Done(DeliveryStats stats) => stats.Sent + stats.Failed + stats.Cancelled;
}
