using NodaTime;
using Trellis.Core.Values;

namespace Trellis.Runtime.Persistence;

/// <summary>Binary form of <see cref="Value"/>: a kind byte and its payload; maps and lists recursively.</summary>
public static class ValueCodec
{
    /// <summary>Nesting deeper than this is cut (stored as null): traits come from outside.</summary>
    private const int MaxDepth = 32;

    public static void Write(BinaryWriter w, Value v, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            w.Write((byte)ValueKind.Null);
            return;
        }

        w.Write((byte)v.Kind);
        switch (v.Kind)
        {
            case ValueKind.Bool:
                w.Write(v.AsBool);
                break;
            case ValueKind.Number:
                w.Write(v.AsNumber);
                break;
            case ValueKind.String:
                w.Write(v.AsString!);
                break;
            case ValueKind.Time:
                w.Write(v.AsTime.ToUnixTimeTicks());
                break;
            case ValueKind.Duration:
                w.Write(v.AsDuration.BclCompatibleTicks);
                break;
            case ValueKind.List:
                w.Write(v.AsList.Count);
                foreach (var item in v.AsList)
                {
                    Write(w, item, depth + 1);
                }

                break;
            case ValueKind.Map:
                WriteMap(w, v.AsMap!, depth);
                break;
        }
    }

    public static void WriteMap(BinaryWriter w, IReadOnlyDictionary<string, Value> map, int depth = 0)
    {
        w.Write(map.Count);
        foreach (var (k, item) in map)
        {
            w.Write(k);
            Write(w, item, depth + 1);
        }
    }

    public static Value Read(BinaryReader r)
    {
        var kind = (ValueKind)r.ReadByte();
        return kind switch
        {
            ValueKind.Null => Value.Null,
            ValueKind.Bool => Value.Bool(r.ReadBoolean()),
            ValueKind.Number => Value.Number(r.ReadDouble()),
            ValueKind.String => Value.String(r.ReadString()),
            ValueKind.Time => Value.Time(Instant.FromUnixTimeTicks(r.ReadInt64())),
            ValueKind.Duration => Value.FromDuration(Duration.FromTicks(r.ReadInt64())),
            ValueKind.List => Value.List(ReadList(r)),
            ValueKind.Map => Value.Map(ReadMap(r)),
            _ => throw new InvalidDataException($"unknown value kind {kind}"),
        };
    }

    public static Dictionary<string, Value> ReadMap(BinaryReader r)
    {
        var n = r.ReadInt32();
        var map = new Dictionary<string, Value>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var key = r.ReadString();
            map[key] = Read(r);
        }

        return map;
    }

    private static Value[] ReadList(BinaryReader r)
    {
        var items = new Value[r.ReadInt32()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Read(r);
        }

        return items;
    }
}
