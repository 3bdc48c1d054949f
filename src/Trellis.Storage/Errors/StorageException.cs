namespace Trellis.Storage;

/// <summary>
/// A storage failure. <see cref="IsTransient"/> tells the caller whether the same operation may succeed if
/// retried (busy, locked, deadlock, serialization failure, lost connection) or will fail again (constraint,
/// bad data, schema too new). Backends translate every native database exception into one of these.
/// </summary>
public abstract class StorageException : Exception
{
    protected StorageException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public abstract bool IsTransient { get; }
}
