return Trellis.Bench.BenchApp.Run(args);
