namespace Trellis.Cli.Commands;

/// <summary>One CLI command. Returns the process exit code: 0 success, 1 a check failed, 2 a usage or load error.</summary>
internal interface ICommand
{
    string Name { get; }

    string Usage { get; }

    string Summary { get; }

    int Run(ArgList args);
}
