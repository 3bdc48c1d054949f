return Trellis.Cli.CliApp.Run(args);
