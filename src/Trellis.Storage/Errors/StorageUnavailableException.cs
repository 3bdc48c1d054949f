namespace Trellis.Storage;

/// <summary>The database could not be reached or went away (connection refused or lost, server shutting down, I/O error).</summary>
public sealed class StorageUnavailableException : TransientStorageException
{
    public StorageUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
