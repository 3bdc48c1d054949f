using Trellis.Storage;

namespace Trellis.Crash.Tests;

/// <summary>A storage backend under test: how the server is configured for it and how the test reads it back.</summary>
internal abstract class CrashBackend
{
    public abstract string Name { get; }

    public abstract IReadOnlyDictionary<string, string> Environment { get; }

    public abstract Task<ITrellisStore> OpenAsync();
}
