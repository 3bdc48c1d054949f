namespace Trellis.Core.Expressions.Syntax;

/// <summary>A built-in function's name, argument count and a model call that error messages show.</summary>
internal sealed record FunctionSignature(string Name, int Arity, string Example);
