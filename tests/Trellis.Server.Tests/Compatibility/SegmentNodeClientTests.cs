using System.Text.Json;
using Trellis.Storage;

namespace Trellis.Server.Tests.Compatibility;

/// <summary>
/// The OFFICIAL Segment Node client (@segment/analytics-node 3.1.0, pinned in scripts/segment-client), pointed at
/// the server unchanged: its identify, track, page and alias calls must all be delivered and stored.
/// </summary>
public sealed class SegmentNodeClientTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_call_of_the_official_client_arrives_in_storage()
    {
        const int people = 25;
        var host = _server.BaseAddress.ToString().TrimEnd('/');

        var (exitCode, output) = await NodeScript.RunAsync(host, RunningServer.WriteKey, people.ToString(System.Globalization.CultureInfo.InvariantCulture), "sdk-");

        Assert.True(exitCode == 0, output);
        Assert.Equal(people * 4, _server.Metrics.EventsIngested.Value);
        for (var i = 0; i < people; i++)
        {
            var userId = $"sdk-user-{i}";
            var events = await _server.EventsOfAsync(userId);
            Assert.Equal([EventKind.Identify, EventKind.Track, EventKind.Page, EventKind.Alias], events.Select(e => e.Kind));
            Assert.Equal("Order Completed", events[1].EventName);
            Assert.Equal("Page Viewed", events[2].EventName);
            using var track = JsonDocument.Parse(events[1].PayloadJson);
            Assert.Equal($"o-{i}", track.RootElement.GetProperty("properties").GetProperty("order_id").GetString());
            Assert.Equal("@segment/analytics-node", track.RootElement.GetProperty("context").GetProperty("library").GetProperty("name").GetString());
            Assert.Equal(userId, await _server.Store.Persons.ResolveAsync(RunningServer.Workspace, $"sdk-anon-{i}"));
        }
    }

    [Fact]
    public async Task The_client_reports_a_failure_for_a_wrong_write_key()
    {
        var (exitCode, output) = await NodeScript.RunAsync(_server.BaseAddress.ToString().TrimEnd('/'), "wrong-key", "1", "bad-");
        Assert.True(exitCode == 1, output);
        Assert.Equal(0, _server.Metrics.EventsIngested.Value);
    }
}
