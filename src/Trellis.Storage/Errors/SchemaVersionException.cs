namespace Trellis.Storage;

/// <summary>The database's schema is newer than this build knows (written by a later Trellis): refuse rather than corrupt it.</summary>
public sealed class SchemaVersionException : PermanentStorageException
{
    public SchemaVersionException(int databaseVersion, int knownVersion)
        : base($"The database schema is at version {databaseVersion}, this build knows up to {knownVersion}: upgrade Trellis.")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    public int DatabaseVersion { get; }

    public int KnownVersion { get; }
}
