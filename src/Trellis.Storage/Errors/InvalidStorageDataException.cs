namespace Trellis.Storage;

/// <summary>A value the database refused as malformed (e.g. JSON that does not parse), or stored data that cannot be read back.</summary>
public sealed class InvalidStorageDataException : PermanentStorageException
{
    public InvalidStorageDataException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
