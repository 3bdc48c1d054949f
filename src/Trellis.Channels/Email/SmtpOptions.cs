namespace Trellis.Channels.Email;

/// <summary>Configuration section <c>Trellis:Smtp</c> (environment: <c>Trellis__Smtp__Host</c>, …).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>Sender, e.g. <c>"Acme &lt;news@acme.example&gt;"</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Upgrade the connection with STARTTLS before sending (System.Net.Mail's EnableSsl).</summary>
    public bool EnableSsl { get; set; }

    /// <summary>When set (with <see cref="Password"/>), the client authenticates.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Right-hand side of generated Message-IDs; the From address's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }
}
