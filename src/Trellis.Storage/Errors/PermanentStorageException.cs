namespace Trellis.Storage;

/// <summary>A failure that retrying will not fix.</summary>
public class PermanentStorageException : StorageException
{
    public PermanentStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public sealed override bool IsTransient => false;
}
