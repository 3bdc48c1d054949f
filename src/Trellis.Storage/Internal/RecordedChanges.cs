namespace Trellis.Storage.Internal;

/// <summary>
/// A person's recorded changes with their trace already encoded as stored rows (<see cref="TraceBatch"/>). The
/// encoding is done when the changes are recorded (the engine worker records while the previous batch commits),
/// not inside the write transaction: on SQLite everything done there holds up every other writer.
/// </summary>
internal sealed class RecordedChanges
{
    private readonly InvalidStorageDataException? _invalid;
    private readonly string[] _traceRows;

    private RecordedChanges(PersonChanges changes, string[] traceRows, InvalidStorageDataException? invalid)
    {
        Changes = changes;
        _traceRows = traceRows;
        _invalid = invalid;
    }

    public PersonChanges Changes { get; }

    /// <summary>The trace rows to insert (none when the lines could not be encoded: see <see cref="ThrowIfInvalid"/>).</summary>
    public IReadOnlyList<string> TraceRows => _traceRows;

    public static RecordedChanges Of(PersonChanges changes)
    {
        if (changes.Trace.Count == 0)
        {
            return new RecordedChanges(changes, [], null);
        }

        try
        {
            return new RecordedChanges(changes, TraceBatch.Rows(changes.Trace).ToArray(), null);
        }
        catch (InvalidStorageDataException invalid)
        {
            // Reported by the commit, like any other row the database refuses, so nothing of the unit is written.
            return new RecordedChanges(changes, [], invalid);
        }
    }

    /// <summary>Throws, before anything is written, if these changes cannot be stored.</summary>
    public void ThrowIfInvalid()
    {
        if (_invalid is not null)
        {
            throw _invalid;
        }
    }
}
