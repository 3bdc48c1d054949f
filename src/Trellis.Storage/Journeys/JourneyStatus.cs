namespace Trellis.Storage;

public enum JourneyStatus
{
    /// <summary>Uploaded, never published.</summary>
    Draft,

    Live,

    /// <summary>Paused by a person.</summary>
    Paused,

    /// <summary>Paused automatically by a guardrail (e.g. complaint rate); the reason says which.</summary>
    PausedByGuardrail,
}
