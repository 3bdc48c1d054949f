namespace Trellis.Storage;

/// <summary>What happened to one event of an append.</summary>
public enum AppendStatus
{
    /// <summary>Stored (committed when <see cref="IEventLog.AppendAsync"/> returns).</summary>
    Appended,

    /// <summary>Its messageId was already stored in this workspace (or earlier in the same batch): ignored.</summary>
    Duplicate,

    /// <summary>One of its ids belongs to an erased person: refused so a late event cannot re-create them.</summary>
    RefusedErased,
}
