using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Server.Hosting;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Bench.Server;

/// <summary>
/// The real <c>trellis serve</c> app (ingestion, engine worker, outbox dispatcher, everything) in this process
/// on 127.0.0.1, on a fresh database: a temp SQLite file, or a fresh PostgreSQL schema dropped afterwards.
/// Built first and started separately, so a harness can seed the database before the engine runs.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string WriteKey = "bench-write-key";

    private readonly string _folder;
    private readonly string? _schema;
    private readonly string? _postgres;

    private BenchServer(WebApplication app, string backend, string folder, Uri url, string? postgres, string? schema)
    {
        App = app;
        Backend = backend;
        _folder = folder;
        Url = url;
        _postgres = postgres;
        _schema = schema;
    }

    public WebApplication App { get; }

    public string Backend { get; }

    public Uri Url { get; }

    public EngineWorkerStats Stats => App.Services.GetRequiredService<EngineWorkerStats>();

    public ITrellisStore Store => App.Services.GetRequiredService<ITrellisStore>();

    public string SqlitePath => Path.Combine(_folder, "trellis.db");

    /// <summary>The connection string and schema of the PostgreSQL backend (null on SQLite).</summary>
    public (string ConnectionString, string Schema)? Postgres => _postgres is null ? null : (_postgres, _schema!);

    public static async Task<BenchServer> BuildAsync(string backend, ServerBenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("trellis-bench-").FullName;
        var port = FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = url.ToString().TrimEnd('/'),
            ["Trellis:Keys:Write"] = WriteKey,
            ["Trellis:Keys:Secret"] = "bench-secret-key",
            ["Trellis:Content:Path"] = BenchContent.Write(folder),
            // Warnings only: per-request logging would be a large part of what is measured.
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (options.MaxBacklog is { } maxBacklog)
        {
            settings["Trellis:Ingestion:MaxBacklog"] = maxBacklog.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        string? postgres = null, schema = null;
        if (backend == "sqlite")
        {
            settings["Trellis:Storage:Provider"] = "sqlite";
            settings["Trellis:Storage:ConnectionString"] = Path.Combine(folder, "trellis.db");
        }
        else
        {
            postgres = options.PostgresConnectionString
                ?? throw new InvalidOperationException("postgres needs --pg \"Host=…\" or TRELLIS_BENCH_PG (scripts/ensure-postgres.sh prints one)");
            schema = BenchSchema.NewName("bench");
            settings["Trellis:Storage:Provider"] = "postgres";
            settings["Trellis:Storage:ConnectionString"] = postgres;
            settings["Trellis:Storage:Schema"] = schema;
        }

        var app = await TrellisServer.BuildAppAsync(new TrellisServerOptions
        {
            ContentRoot = folder,
            Settings = settings,
            Console = TextWriter.Null,
        });
        return new BenchServer(app, backend, folder, url, postgres, schema);
    }

    public Task StartAsync() => App.StartAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await App.StopAsync(timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Not started, or already stopping: nothing to stop.
        }

        await App.DisposeAsync();
        if (_postgres is not null)
        {
            await BenchSchema.DropAsync(_postgres, _schema!);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
