namespace Trellis.Measurement.Reports;

/// <summary>A journey instance: the person and the per-person instance number the engine gave it.</summary>
public readonly struct InstanceKey(string user, int number) : IEquatable<InstanceKey>
{
    public string User { get; } = user;

    public int Number { get; } = number;

    public bool Equals(InstanceKey other) => Number == other.Number && string.Equals(User, other.User, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is InstanceKey k && Equals(k);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(User), Number);
}
