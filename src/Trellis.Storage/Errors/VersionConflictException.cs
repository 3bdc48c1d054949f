namespace Trellis.Storage;

/// <summary>An optimistic write expected another version than the stored one: re-read, then decide again.</summary>
public sealed class VersionConflictException : PermanentStorageException
{
    public VersionConflictException(string message, long? storedVersion)
        : base(message)
    {
        StoredVersion = storedVersion;
    }

    /// <summary>The version found (null: the row does not exist).</summary>
    public long? StoredVersion { get; }
}
