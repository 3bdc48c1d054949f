namespace Trellis.Storage;

/// <summary>A failure that may go away: retry the whole operation (for a work unit: claim again).</summary>
public class TransientStorageException : StorageException
{
    public TransientStorageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public sealed override bool IsTransient => true;
}
