namespace Trellis.Core.Expressions.Evaluation;

internal enum ArithmeticOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}
