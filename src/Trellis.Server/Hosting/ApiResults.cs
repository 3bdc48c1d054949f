using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Trellis.Server.Hosting;

/// <summary>
/// The JSON shapes every endpoint answers with: <c>{"success": true, …}</c> and
/// <c>{"success": false, "error": "…"}</c> (plus <c>"errors": [...]</c> for validation), as Segment does.
/// </summary>
public static class ApiResults
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Ok(object body) => Results.Json(body, Json);

    public static IResult Success() => Results.Json(new { success = true }, Json);

    public static IResult Error(int status, string error) =>
        Results.Json(new { success = false, error }, Json, statusCode: status);

    public static IResult ValidationFailed(string error, IReadOnlyList<string> errors) =>
        Results.Json(new { success = false, error, errors }, Json, statusCode: StatusCodes.Status422UnprocessableEntity);
}
