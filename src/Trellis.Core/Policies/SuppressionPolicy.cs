namespace Trellis.Core.Policies;

/// <summary>What provider feedback does: <c>hard_bounce: suppress_address</c>, <c>complaint: suppress_address_and_unsubscribe_all</c>.</summary>
public sealed record SuppressionPolicy(string HardBounce, string Complaint)
{
    public static readonly SuppressionPolicy Default = new("suppress_address", "suppress_address_and_unsubscribe_all");
}
