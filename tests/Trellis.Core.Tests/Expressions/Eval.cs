using NodaTime;
using Trellis.Core.Expressions;
using Trellis.Core.Values;

namespace Trellis.Core.Tests.Expressions;

/// <summary>Short helpers so tests read as "this text gives that value".</summary>
internal static class Eval
{
    public static Value Of(string source, InMemoryEvaluationContext? context = null) =>
        ExpressionParser.Parse(source).Evaluate(context ?? new InMemoryEvaluationContext());

    public static Value Of(string source, InMemoryEvaluationContext context, out Instant? changesAt) =>
        ExpressionParser.Parse(source).Evaluate(context, out changesAt);

    /// <summary>The errors of a text that must not parse.</summary>
    public static IReadOnlyList<ExpressionError> Errors(string source)
    {
        Assert.False(ExpressionParser.TryParse(source, out var expression, out var errors), $"'{source}' parsed");
        Assert.Null(expression);
        Assert.NotEmpty(errors);
        return errors;
    }

    /// <summary>The single error of a text that must not parse.</summary>
    public static ExpressionError Error(string source) => Assert.Single(Errors(source));

    public static Value Time(string iso) => Value.Time(Instant.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture)));

    public static Instant At(string iso) => Instant.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    public static Value Map(params (string Key, Value Value)[] entries) =>
        Value.Map(entries.ToDictionary(e => e.Key, e => e.Value));

    public static Value List(params Value[] items) => Value.List(items);

    public static Value Days(double days) => Value.FromDuration(Duration.FromTicks((long)(days * NodaConstants.TicksPerDay)));
}
