namespace Trellis.Channels.Email.Smtp;

/// <summary>
/// What makes two sessions interchangeable: same server, same TLS setting, same credentials. A connection opened
/// under another key (the configuration changed) is closed rather than reused.
/// </summary>
internal sealed record SmtpPoolKey(string Host, int Port, bool EnableSsl, string? UserName, string? Password)
{
    public static SmtpPoolKey Of(SmtpOptions options) =>
        new(options.Host, options.Port, options.EnableSsl, options.UserName, options.Password);

    // The password must never reach a log through ToString().
    public override string ToString() => $"{Host}:{Port}{(EnableSsl ? " (STARTTLS)" : "")}{(UserName is null ? "" : $" as {UserName}")}";
}
