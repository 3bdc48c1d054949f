using Trellis.Server.Hosting;

namespace Trellis.Cli.Commands;

/// <summary>
/// <c>trellis serve [--urls URL]</c>: runs the server (SPEC §7) until Ctrl+C. Everything else comes from .NET
/// configuration: appsettings.json in the current folder and <c>Trellis__…</c> environment variables
/// (<c>ASPNETCORE_URLS</c> also sets the address).
/// </summary>
internal sealed class ServeCommand : ICommand
{
    public string Name => "serve";

    public string Usage => "serve [--urls URL]";

    public string Summary => "run the server (ingestion, engine, admin API) on http://127.0.0.1:5080";

    public int Run(ArgList args)
    {
        args.OnlyOptions("urls");
        if (args.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        }

        var urls = args.Option("urls");
        if (args.Flag("urls") && string.IsNullOrWhiteSpace(urls))
        {
            throw new UsageException("--urls needs a value, e.g. --urls http://127.0.0.1:6000");
        }

        string[] serverArgs = urls is null ? [] : ["--urls", urls];
        return TrellisServer.RunAsync(serverArgs).GetAwaiter().GetResult();
    }
}
