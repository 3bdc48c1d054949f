using Trellis.Core.Engine.State;

namespace Trellis.Core.Tests.Engine;

/// <summary>A person's instance list: one held without an array, and views that do not move under a loop.</summary>
public class InstanceListTests
{
    [Fact]
    public void Grows_from_none_to_one_to_many_and_shrinks_back()
    {
        var person = new PersonState("p");
        Assert.Equal(0, person.Instances.Count);
        var a = new JourneyInstance { Journey = 1 };
        var b = new JourneyInstance { Journey = 2 };
        var c = new JourneyInstance { Journey = 3 };
        person.AddInstance(a);
        Assert.Equal([a], Items(person.Instances));
        person.AddInstance(b);
        person.AddInstance(c);
        Assert.Equal([a, b, c], Items(person.Instances));
        Assert.Same(b, person.Instances[1]);

        b.Ended = true;
        person.RemoveEnded();
        Assert.Equal([a, c], Items(person.Instances));
        a.Ended = true;
        person.RemoveEnded();
        Assert.Equal([c], Items(person.Instances));
        c.Ended = true;
        person.RemoveEnded();
        Assert.Equal(0, person.Instances.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => person.Instances[0]);
    }

    [Fact]
    public void A_view_keeps_the_instances_it_was_taken_with()
    {
        var person = new PersonState("p");
        var a = new JourneyInstance { Journey = 1 };
        person.AddInstance(a);
        var seen = new List<JourneyInstance>();
        foreach (var i in person.Instances)
        {
            seen.Add(i);
            person.AddInstance(new JourneyInstance { Journey = 9 }); // entering during a loop, as a segment entry may
        }

        Assert.Equal([a], seen);
        Assert.Equal(2, person.Instances.Count);
    }

    private static List<JourneyInstance> Items(InstanceList list)
    {
        var items = new List<JourneyInstance>();
        foreach (var i in list)
        {
            items.Add(i);
        }

        return items;
    }
}
