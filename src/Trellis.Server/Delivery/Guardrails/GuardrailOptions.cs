namespace Trellis.Server.Delivery.Guardrails;

/// <summary>
/// Configuration section <c>Trellis:Guardrails</c>: when a journey's marketing is paused automatically. Gmail and
/// Yahoo's bulk-sender rules want spam complaints under 0.3%; a journey that goes over it hurts every other
/// journey's deliverability, so it stops until a person looks at it.
/// </summary>
public sealed class GuardrailOptions
{
    public const string SectionName = "Trellis:Guardrails";

    public bool Enabled { get; set; } = true;

    /// <summary>Complaints per marketing send above which the journey is paused.</summary>
    public double ComplaintRate { get; set; } = 0.003;

    /// <summary>Unsubscribes per marketing send above which the journey is paused.</summary>
    public double UnsubscribeRate { get; set; } = 0.02;

    /// <summary>Sends in the window before the rates are judged: two complaints in ten sends say little.</summary>
    public int MinSends { get; set; } = 200;

    /// <summary>The sliding window the rates are computed over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the sends counted in memory are added to the stored counts (a crash loses at most this much).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
