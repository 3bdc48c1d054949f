using System.Net;
using System.Text.Json;

namespace Trellis.Server.Tests;

/// <summary>Checks of the API's two response shapes: <c>{"success": true}</c> and <c>{"success": false, "error": "…"}</c>.</summary>
internal static class ApiAssert
{
    public static async Task<JsonElement> SuccessAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(json.GetProperty("success").GetBoolean(), body);
        return json;
    }

    /// <summary>Asserts the status and the error shape, and that the error message contains <paramref name="containing"/>.</summary>
    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string containing)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Contains(containing, json.GetProperty("error").GetString(), StringComparison.Ordinal);
        return json;
    }
}
