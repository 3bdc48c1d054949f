using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Trellis.Server.Hosting;

/// <summary>How <see cref="TrellisServer"/> builds the app. The CLI passes only its arguments; tests also set the rest.</summary>
public sealed class TrellisServerOptions
{
    /// <summary>Command-line arguments (e.g. <c>--urls http://127.0.0.1:6000</c>), read as configuration.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>
    /// Folder against which appsettings.json, the default <c>./data</c> database and the default <c>./examples</c>
    /// content are resolved. Null: the current directory, which is what <c>./trellis serve</c> expects.
    /// </summary>
    public string? ContentRoot { get; init; }

    /// <summary>Configuration that overrides every other source (tests use it instead of environment variables).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where generated keys are printed, once. Null: standard output.</summary>
    public TextWriter? Console { get; init; }

    /// <summary>False: everything but the engine worker loop (tests of the HTTP side that must see events unprocessed).</summary>
    public bool StartEngine { get; init; } = true;

    /// <summary>The server's clock. Null: the system clock.</summary>
    public IClock? Clock { get; init; }

    /// <summary>
    /// Runs after Trellis has registered its services, so a registration here wins. Tests use it to replace a
    /// boundary they cannot reach (where SNS signing certificates come from); configuration cannot.
    /// </summary>
    public Action<IServiceCollection>? Services { get; init; }
}
