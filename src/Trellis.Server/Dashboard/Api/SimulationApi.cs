using Microsoft.AspNetCore.Http;
using Trellis.Server.Hosting;

namespace Trellis.Server.Dashboard.Api;

/// <summary>
/// <c>GET /dashboard/api/simulations</c> (the report files of the configured folder) and
/// <c>GET /dashboard/api/simulations/{name}</c> (one report's JSON, as <c>trellis simulate</c> wrote it). The
/// page can also open a report file from the user's computer without sending it anywhere.
/// </summary>
internal static class SimulationApi
{
    public static IResult List(SimulationFolder folder) => ApiResults.Ok(new
    {
        success = true,
        folder = folder.Path is null ? null : Path.GetFileName(folder.Path),
        configured = folder.Path is not null,
        reports = folder.List().Select(f => new { name = f.Name, bytes = f.Length, modifiedAt = f.LastWriteTimeUtc.ToString("O") }),
    });

    public static IResult Get(string name, SimulationFolder folder)
    {
        if (folder.Find(name) is not { } file)
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no simulation report '{name}'");
        }

        if (file.Length > SimulationFolder.MaxReportBytes)
        {
            return ApiResults.Error(StatusCodes.Status413PayloadTooLarge, $"'{name}' is larger than {SimulationFolder.MaxReportBytes / (1024 * 1024)} MB");
        }

        return Results.File(file.FullName, "application/json; charset=utf-8");
    }
}
