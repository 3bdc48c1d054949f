using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trellis.Server.Delivery.Guardrails;

/// <summary>
/// Writes the guardrail's send counts to the store every <see cref="GuardrailOptions.FlushInterval"/> and once
/// more on shutdown (it is registered before the dispatcher, so it stops after it and sees its last sends);
/// prunes buckets that left the window about once an hour.
/// </summary>
public sealed class GuardrailFlusher(GuardrailMonitor monitor, GuardrailOptions options, TimeProvider time, ILogger<GuardrailFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await monitor.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The guardrail's last send counts could not be stored");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.FlushInterval > TimeSpan.Zero ? options.FlushInterval : TimeSpan.FromSeconds(5);
        using var timer = new PeriodicTimer(interval, time);
        var lastPrune = time.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await monitor.FlushAsync(stoppingToken);
                    if (time.GetElapsedTime(lastPrune) >= PruneEvery)
                    {
                        await monitor.PruneAsync(stoppingToken);
                        lastPrune = time.GetTimestamp();
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The counts stay pending in memory; the next tick tries again.
                    logger.LogWarning(e, "The guardrail's send counts could not be stored; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
