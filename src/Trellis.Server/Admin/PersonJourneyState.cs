namespace Trellis.Server.Admin;

/// <summary>Where a person stands in one journey, as the profile endpoint shows it.</summary>
internal sealed class PersonJourneyState
{
    public required string Journey { get; init; }

    /// <summary><c>active</c> while in the journey, <c>ended</c> after its exit.</summary>
    public string Status { get; set; } = "active";

    public int Entries { get; set; }

    public string? EnteredAt { get; set; }

    public string? CurrentStep { get; set; }

    public string? ExitedAt { get; set; }

    /// <summary>converted, exited or completed (SPEC §5), once ended.</summary>
    public string? Outcome { get; set; }

    public string? Reason { get; set; }
}
