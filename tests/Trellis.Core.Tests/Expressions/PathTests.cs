using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

public sealed class PathTests
{
    private static InMemoryEvaluationContext Context() => new InMemoryEvaluationContext
    {
        Event = Eval.Map(("cart_id", Value.String("c9")), ("item", Eval.Map(("sku", Value.String("X1"))))),
        JourneyEvent = Eval.Map(("plan", Value.String("pro"))),
        JourneyEnteredAt = Eval.Time("2026-04-01T09:00:00Z"),
        JourneyKey = Value.String("order-7"),
    }
        .With("plan", Value.String("pro"))
        .With("address", Eval.Map(("geo", Eval.Map(("lat", Value.Number(52.5))))));

    [Fact]
    public void Profile_traits_and_nested_members()
    {
        Assert.Equal(Value.String("pro"), Eval.Of("profile.plan", Context()));
        Assert.Equal(Value.Number(52.5), Eval.Of("profile.address.geo.lat", Context()));
        Assert.Equal(Value.Null, Eval.Of("profile.address.geo.lon", Context()));
        Assert.Equal(Value.Null, Eval.Of("profile.plan.name", Context()));
        Assert.Equal(Value.Null, Eval.Of("profile.missing.deeper.still", Context()));
    }

    [Fact]
    public void Event_properties()
    {
        Assert.Equal(Value.String("c9"), Eval.Of("event.cart_id", Context()));
        Assert.Equal(Value.String("X1"), Eval.Of("event.item.sku", Context()));
        Assert.Equal(Value.Null, Eval.Of("event.nothing", Context()));
        Assert.Equal(Value.Null, Eval.Of("event.cart_id", new InMemoryEvaluationContext()));
        Assert.Equal(Value.True, Eval.Of("exists(event)", Context()));
    }

    [Fact]
    public void Journey_fields()
    {
        Assert.Equal(Eval.Time("2026-04-01T09:00:00Z"), Eval.Of("journey.entered_at", Context()));
        Assert.Equal(Value.String("order-7"), Eval.Of("journey.key", Context()));
        Assert.Equal(Value.String("pro"), Eval.Of("journey.event.plan", Context()));
        Assert.Equal(Eval.Time("2026-04-11T09:00:00Z"), Eval.Of("journey.entered_at + 10d", Context()));
        Assert.Equal(Value.Null, Eval.Of("journey.entered_at + 10d", new InMemoryEvaluationContext()));
    }

    [Fact]
    public void Now_is_the_context_time()
    {
        var context = new InMemoryEvaluationContext { Now = Instant.FromUtc(2026, 4, 10, 7, 30) };
        Assert.Equal(Value.Time(Instant.FromUtc(2026, 4, 10, 7, 30)), Eval.Of("now", context));
        Assert.Equal(Value.Time(Instant.FromUtc(2026, 4, 9, 7, 30)), Eval.Of("now - 1d", context));
    }

    [Fact]
    public void Members_of_parenthesised_values()
    {
        Assert.Equal(Value.Number(52.5), Eval.Of("(profile.address).geo.lat", Context()));
    }
}
