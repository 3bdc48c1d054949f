namespace Trellis.Content.Reading;

/// <summary>What a place in a file needs an expression to give, checked when the parser knows the result's kind.</summary>
internal enum ExpressionUse : byte
{
    /// <summary>Any value: keys, traits set by update.</summary>
    Value,

    /// <summary>A number: a goal's <c>value</c>, which reports add up.</summary>
    Number,

    /// <summary>True or false: <c>when</c>, <c>segment</c>, <c>audience</c>.</summary>
    Condition,

    /// <summary>A time: <c>wait: {until: expr}</c>.</summary>
    Moment,
}
