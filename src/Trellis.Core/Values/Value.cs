using System.Globalization;
using NodaTime;

namespace Trellis.Core.Values;

/// <summary>
/// One dynamic value: a trait, an event property or the result of an expression.
/// A small struct (kind, 8 bytes of payload, one reference) so that evaluation does not allocate.
/// Times are UTC instants, durations exact spans; both are held as ticks (100 ns).
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly long _bits;
    private readonly object? _ref;

    private Value(ValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _ref = reference;
    }

    public ValueKind Kind { get; }

    public static readonly Value Null = default;
    public static readonly Value True = new(ValueKind.Bool, 1, null);
    public static readonly Value False = new(ValueKind.Bool, 0, null);

    public static Value Bool(bool b) => b ? True : False;
    public static Value Number(double d) => new(ValueKind.Number, BitConverter.DoubleToInt64Bits(d), null);
    public static Value String(string? s) => s is null ? Null : new(ValueKind.String, 0, s);
    public static Value Time(Instant t) => new(ValueKind.Time, t.ToUnixTimeTicks(), null);
    public static Value FromDuration(Duration d) => new(ValueKind.Duration, d.BclCompatibleTicks, null);
    public static Value List(IReadOnlyList<Value> items) => new(ValueKind.List, 0, items);
    public static Value Map(IReadOnlyDictionary<string, Value> entries) => new(ValueKind.Map, 0, entries);

    public bool IsNull => Kind == ValueKind.Null;
    public bool AsBool => Kind == ValueKind.Bool && _bits != 0;
    public double AsNumber => Kind == ValueKind.Number ? BitConverter.Int64BitsToDouble(_bits) : double.NaN;
    public string? AsString => Kind == ValueKind.String ? (string)_ref! : null;
    public Instant AsTime => Kind == ValueKind.Time ? Instant.FromUnixTimeTicks(_bits) : default;
    public Duration AsDuration => Kind == ValueKind.Duration ? Duration.FromTicks(_bits) : default;
    public IReadOnlyList<Value> AsList => Kind == ValueKind.List ? (IReadOnlyList<Value>)_ref! : Array.Empty<Value>();
    public IReadOnlyDictionary<string, Value>? AsMap => Kind == ValueKind.Map ? (IReadOnlyDictionary<string, Value>)_ref! : null;

    /// <summary>True only for the boolean true: conditions treat every other value (null included) as false.</summary>
    public bool IsTrue => Kind == ValueKind.Bool && _bits != 0;

    /// <summary>Reads a member of a map value; anything else has no members and gives null.</summary>
    public Value Member(string name) =>
        Kind == ValueKind.Map && ((IReadOnlyDictionary<string, Value>)_ref!).TryGetValue(name, out var v) ? v : Null;

    public bool Equals(Value other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            ValueKind.Null => true,
            ValueKind.Bool or ValueKind.Time or ValueKind.Duration => _bits == other._bits,
            ValueKind.Number => AsNumber.Equals(other.AsNumber),
            ValueKind.String => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
            ValueKind.List => AsList.SequenceEqual(other.AsList),
            ValueKind.Map => MapEquals(AsMap!, other.AsMap!),
            _ => false,
        };
    }

    private static bool MapEquals(IReadOnlyDictionary<string, Value> a, IReadOnlyDictionary<string, Value> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public override int GetHashCode() => Kind switch
    {
        ValueKind.String => HashCode.Combine(Kind, AsString),
        ValueKind.List or ValueKind.Map => HashCode.Combine(Kind, _ref),
        _ => HashCode.Combine(Kind, _bits),
    };

    public static bool operator ==(Value a, Value b) => a.Equals(b);
    public static bool operator !=(Value a, Value b) => !a.Equals(b);

    /// <summary>Text form used by traces, template models and keys: numbers invariant, times ISO-8601 UTC.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "",
        ValueKind.Bool => AsBool ? "true" : "false",
        ValueKind.Number => AsNumber.ToString("R", CultureInfo.InvariantCulture),
        ValueKind.String => AsString!,
        ValueKind.Time => InstantText.Format(AsTime),
        ValueKind.Duration => Trellis.Core.Time.DurationText.Format(AsDuration),
        ValueKind.List => "[" + string.Join(", ", AsList.Select(v => v.ToString())) + "]",
        ValueKind.Map => "{" + string.Join(", ", AsMap!.Select(kv => kv.Key + ": " + kv.Value)) + "}",
        _ => "",
    };
}
