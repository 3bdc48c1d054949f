using Microsoft.Data.Sqlite;

namespace Trellis.Storage.Sqlite;

/// <summary>Translates SQLite result codes into the contract's failures (transient or permanent).</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://www.sqlite.org/rescode.html
    private const int Error = 1;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int Constraint = 19;
    private const int Mismatch = 20;
    private const int Range = 25;
    private const int NotADatabase = 26;

    public static StorageException Translate(SqliteException exception)
    {
        var message = $"SQLite: {exception.Message}";
        return (exception.SqliteErrorCode & 0xFF) switch
        {
            Busy or Locked => new StorageBusyException(message, exception),
            IoError or Full or CantOpen => new StorageUnavailableException(message, exception),
            // Named CHECK constraints *_is_json guard JSON columns: a malformed value is bad data.
            Constraint when exception.Message.Contains("_is_json", StringComparison.Ordinal) =>
                new InvalidStorageDataException(message, exception),
            Constraint => new ConstraintViolationException(message, exception),
            Mismatch or Range or Corrupt or NotADatabase => new InvalidStorageDataException(message, exception),
            // SQLITE_ERROR is also what json functions raise on malformed JSON.
            Error when exception.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) =>
                new InvalidStorageDataException(message, exception),
            _ => new PermanentStorageException(message, exception),
        };
    }
}
