namespace Trellis.Core.Tests.Expressions;

/// <summary>
/// Expression text from the property-test generator, with what the generator knows about it: whether it is
/// a boolean (so it can be combined with ! && ||) and whether its horizon is exact (the value really differs
/// at it; a combination's horizon is only a "may change").
/// </summary>
internal sealed record GeneratedExpression(string Source, bool IsBool, bool Exact)
{
    public override string ToString() => Source;
}
