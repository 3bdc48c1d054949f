namespace Trellis.Storage;

/// <summary>A write broke a uniqueness, not-null or check constraint (e.g. a workspace id or key hash already in use).</summary>
public sealed class ConstraintViolationException : PermanentStorageException
{
    public ConstraintViolationException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
