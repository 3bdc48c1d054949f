using Microsoft.Extensions.Primitives;

namespace Trellis.Server.Dashboard.Auth;

/// <summary>
/// Where to go after login: only a path on this server (<c>/…</c>), never <c>//host</c> or <c>/\host</c> or an
/// absolute URL, so the login page cannot be used to send people elsewhere.
/// </summary>
internal static class LocalTarget
{
    public static string Of(StringValues values)
    {
        var value = values.Count > 0 ? values[0] : null;
        if (string.IsNullOrEmpty(value) || value.Length > 2000 || value[0] != '/'
            || (value.Length > 1 && (value[1] == '/' || value[1] == '\\'))
            || value.Any(c => char.IsControl(c)) || value.StartsWith("/login", StringComparison.Ordinal))
        {
            return "/";
        }

        return value;
    }
}
