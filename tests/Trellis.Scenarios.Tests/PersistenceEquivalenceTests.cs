using Trellis.Content;
using Trellis.Runtime.Persistence;
using Trellis.Runtime.Scenarios;
using Trellis.Runtime.Tracing;

namespace Trellis.Scenarios.Tests;

/// <summary>
/// A server persists each person's state between inputs. Pushing every state through the codec after every
/// turn must not change a single trace line: nothing the engine needs is lost in storage.
/// </summary>
public class PersistenceEquivalenceTests
{
    [Theory]
    [MemberData(nameof(ScenarioFileTests.Files), MemberType = typeof(ScenarioFileTests))]
    public void Round_tripping_state_after_every_turn_gives_the_same_trace(string file)
    {
        var scenario = Assert.Single(ContentLoader.Load(Path.Combine(RepoRoot.Find(), file)).Scenarios);
        var script = ScenarioScripts.From(scenario);
        var plain = ScenarioRunner.Run(script).Select(e => TraceLine.ToJson(e)).ToList();
        var encodedSizes = new List<int>();
        var persisted = ScenarioRunner.Run(script, afterTurn: (person, workspace) =>
        {
            var bytes = PersonStateCodec.Encode(person, workspace);
            encodedSizes.Add(bytes.Length);
            var decoded = PersonStateCodec.Decode(person.Id, bytes, workspace);
            Assert.Equal(bytes, PersonStateCodec.Encode(decoded, workspace));
            return decoded;
        }).Select(e => TraceLine.ToJson(e)).ToList();

        Assert.NotEmpty(encodedSizes);
        Assert.Equal(plain, persisted);
    }
}
