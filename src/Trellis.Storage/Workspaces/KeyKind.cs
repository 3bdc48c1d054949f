namespace Trellis.Storage;

/// <summary>The two API keys of a workspace.</summary>
public enum KeyKind
{
    /// <summary>Public key for event ingestion only (the Segment "write key").</summary>
    Write,

    /// <summary>Secret key for the admin API.</summary>
    Secret,
}
