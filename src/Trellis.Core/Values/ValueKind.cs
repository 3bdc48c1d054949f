namespace Trellis.Core.Values;

/// <summary>The dynamic types of the expression language and of profile traits and event properties.</summary>
public enum ValueKind : byte
{
    Null,
    Bool,
    Number,
    String,
    Time,
    Duration,
    List,
    Map,
}
