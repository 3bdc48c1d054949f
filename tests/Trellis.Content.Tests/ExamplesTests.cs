using Trellis.Content.Tests.Support;
using Trellis.Core.Journeys;
using Trellis.Core.Policies;

namespace Trellis.Content.Tests;

/// <summary>The shared examples are acceptance fixtures: all of them must load, unchanged, with no diagnostics.</summary>
public class ExamplesTests
{
    private static readonly Lazy<ContentSet> Examples = new(() => ContentLoader.Load(RepoPaths.SharedExamples));

    [Fact]
    public void All_examples_load_with_no_diagnostics()
    {
        Assert.Empty(Examples.Value.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Counts_match_the_examples()
    {
        Assert.Equal(7, Examples.Value.Journeys.Count);
        Assert.Equal(27, Examples.Value.Templates.Count);
        Assert.Equal(4, Examples.Value.Scenarios.Count);
    }

    [Fact]
    public void Policies_are_read()
    {
        var p = Examples.Value.Policies;
        Assert.Equal(ConsentDefault.OptOut, p.ConsentDefault);
        Assert.Equal(2, p.FrequencyCaps.Count);
        Assert.Null(p.FrequencyCaps[0].Channel);
        Assert.Equal(4, p.FrequencyCaps[0].Max);
        Assert.Equal(NodaTime.Duration.FromDays(7), p.FrequencyCaps[0].Per);
        Assert.Equal(Channel.Sms, p.FrequencyCaps[1].Channel);
        Assert.Equal(1, p.FrequencyCaps[1].Max);
        Assert.Equal(NodaTime.Duration.FromDays(1), p.FrequencyCaps[1].Per);
        Assert.NotNull(p.QuietHours);
        Assert.Equal(new NodaTime.LocalTime(21, 0), p.QuietHours!.Start);
        Assert.Equal(new NodaTime.LocalTime(8, 0), p.QuietHours.End);
        Assert.True(p.QuietHours.Channels.SetEquals([Channel.Sms, Channel.Push]));
        Assert.Equal("UTC", p.DefaultTimeZone.Id);
        Assert.Equal(NodaTime.Duration.FromHours(4), p.Arbitration!.Window);
        Assert.Equal(ConflictAction.Defer, p.Arbitration.OnConflict);
        Assert.Equal(ConflictAction.Skip, p.OnCap);
        Assert.Equal("suppress_address", p.Suppression.HardBounce);
        Assert.Equal("suppress_address_and_unsubscribe_all", p.Suppression.Complaint);
    }

    [Fact]
    public void Each_folder_loads_on_its_own()
    {
        foreach (var folder in new[] { "journeys", "templates", "scenarios" })
        {
            var set = ContentLoader.Load(Path.Combine(RepoPaths.SharedExamples, folder));
            Assert.Empty(set.Diagnostics.Select(d => d.ToString()));
        }
    }
}
