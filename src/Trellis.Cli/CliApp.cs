using Trellis.Cli.Commands;

namespace Trellis.Cli;

/// <summary>Entry point of the <c>trellis</c> command (SPEC §4): dispatches to one class per command.</summary>
public static class CliApp
{
    private static readonly ICommand[] Commands =
    [
        new ValidateCommand(),
        new TestCommand(),
        new RunCommand(),
        new GraphCommand(),
        new SimulateCommand(),
        new TrainCommand(),
        new ServeCommand(),
    ];

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(Console.Out);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"trellis: unknown command '{args[0]}'");
            PrintUsage(Console.Error);
            return 2;
        }

        try
        {
            return command.Run(new ArgList(args.Skip(1).ToArray()));
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"trellis {command.Name}: {e.Message}");
            Console.Error.WriteLine($"usage: trellis {command.Usage}");
            return 2;
        }
    }

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("trellis — journey orchestration for lifecycle marketing");
        w.WriteLine();
        w.WriteLine("usage:");
        foreach (var c in Commands)
        {
            w.WriteLine($"  trellis {c.Usage,-48} {c.Summary}");
        }
    }
}
