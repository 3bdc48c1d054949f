using Microsoft.Data.Sqlite;

namespace Trellis.Storage.Sqlite;

/// <summary>A connection to run named statements on: a kept reader, or the single writer inside its transaction.</summary>
internal interface ISqliteSession
{
    /// <summary>A command for the named statement of the .sql files, ready to bind and execute.</summary>
    SqliteCommand Command(string statement);

    /// <summary>The named statement prepared for direct, index-bound execution (the hot per-row writes).</summary>
    SqlitePreparedStatement Prepared(string statement);
}
