namespace Trellis.Cli.Commands;

/// <summary>The command line is wrong; the message says what to write instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
