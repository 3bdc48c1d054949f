using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Trellis.Server.Tests.Processing;

/// <summary>
/// <c>/metrics</c> reports how promptly the engine acts: each event's delay from arrival to the committed decision,
/// and each due wait's lag from its time to the commit that fired it.
/// </summary>
public sealed partial class EnginePromptnessMetricsTests : IAsyncLifetime
{
    private const string Journey = """
        journey: ping-later
        priority: 50
        topic: updates
        entry:
          event: ping
        steps:
          - id: pause
            wait: 1s
          - id: hello
            send: {channel: in_app, template: note}
        """;

    private const string Template = """
        template: note
        in_app:
          title: 'Hello'
          body: 'A note for you.'
        """;

    private readonly TempFolder _content = new();
    private RunningServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_content.Path, "journeys"));
        Directory.CreateDirectory(Path.Combine(_content.Path, "templates"));
        await File.WriteAllTextAsync(Path.Combine(_content.Path, "journeys", "ping-later.journey.yaml"), Journey);
        await File.WriteAllTextAsync(Path.Combine(_content.Path, "templates", "note.template.yaml"), Template);
        _server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Trellis:Content:Path"] = _content.Path }, startEngine: true);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _content.Dispose();
    }

    [Fact]
    public async Task Event_delays_and_timer_lags_are_histograms_of_what_the_engine_committed()
    {
        await ApiAssert.SuccessAsync(await _server.IngestAsync("/v1/batch", """
            {"batch":[{"type":"track","userId":"p1","event":"ping"},{"type":"track","userId":"p2","event":"ping"},{"type":"track","userId":"p2","event":"pong"}]}
            """));

        var text = "";
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20) && Sample(text, "trellis_engine_timer_lag_seconds_count") < 2)
        {
            await Task.Delay(50);
            text = await _server.Http.GetStringAsync("/metrics");
        }

        Assert.Equal(3, Sample(text, "trellis_engine_event_delay_seconds_count"));
        Assert.Equal(3, Sample(text, "trellis_engine_event_delay_seconds_bucket{le=\"+Inf\"}"));
        Assert.Equal(3, Sample(text, "trellis_engine_event_delay_seconds_bucket{le=\"60\"}"));
        Assert.True(Sample(text, "trellis_engine_event_delay_seconds_sum") > 0);
        // The two waits were due 1 s after entry; the engine fired them then, each once.
        Assert.Equal(2, Sample(text, "trellis_engine_timer_lag_seconds_count"));
        Assert.Equal(2, Sample(text, "trellis_engine_timer_lag_seconds_bucket{le=\"60\"}"));
        var buckets = BucketLine().Matches(text).Where(m => m.Groups["name"].Value == "trellis_engine_timer_lag_seconds")
            .Select(m => double.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(14, buckets.Count);
        Assert.Equal(buckets.Order(), buckets);
    }

    private static double Sample(string text, string name)
    {
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? -1 : double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("""^(?<name>[a-z_]+)_bucket\{le="[^"]+"\} (?<count>[0-9.]+)$""", RegexOptions.Multiline)]
    private static partial Regex BucketLine();
}
