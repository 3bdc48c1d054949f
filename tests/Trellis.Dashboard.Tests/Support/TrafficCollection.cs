namespace Trellis.Dashboard.Tests;

/// <summary>Test classes that share the one server with simulated traffic (<see cref="TrafficFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class TrafficCollection : ICollectionFixture<TrafficFixture>
{
    public const string Name = "dashboard with traffic";
}
