namespace Trellis.Cli;

/// <summary>Entry point of the <c>trellis</c> command (SPEC §4). Placeholder until the commands land.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("trellis: commands are not wired yet");
        return 2;
    }
}
