using NodaTime;
using Trellis.Core.Expressions;

namespace Trellis.Core.Journeys;

public enum WaitKind : byte
{
    /// <summary><c>wait: 3d</c>: an exact span.</summary>
    For,

    /// <summary><c>wait: {until: "09:00"}</c>: the next such local time at or after now.</summary>
    UntilTimeOfDay,

    /// <summary><c>wait: {until: expr}</c>: a moment computed when the step is reached.</summary>
    UntilMoment,
}

public sealed class WaitStep : StepDefinition
{
    public WaitStep(string id, SourceLocation location, Duration span)
        : base(id, location) => (WaitKind, Span) = (WaitKind.For, span);

    public WaitStep(string id, SourceLocation location, LocalTime timeOfDay)
        : base(id, location) => (WaitKind, TimeOfDay) = (WaitKind.UntilTimeOfDay, timeOfDay);

    public WaitStep(string id, SourceLocation location, Expression until)
        : base(id, location) => (WaitKind, Until) = (WaitKind.UntilMoment, until);

    public WaitKind WaitKind { get; }

    public Duration Span { get; }

    public LocalTime TimeOfDay { get; }

    public Expression? Until { get; }

    public override string Kind => "wait";

    public override bool Waits => true;
}
