namespace Trellis.Storage;

/// <summary>Lost a race for a lock: database busy or locked, deadlock, serialization failure, lock timeout.</summary>
public sealed class StorageBusyException : TransientStorageException
{
    public StorageBusyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
