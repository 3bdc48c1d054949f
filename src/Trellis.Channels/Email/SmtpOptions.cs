namespace Trellis.Channels.Email;

/// <summary>Configuration section <c>Trellis:Smtp</c> (environment: <c>Trellis__Smtp__Host</c>, …).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>Sender, e.g. <c>"Acme &lt;news@acme.example&gt;"</c>.</summary>
    public string From { get; set; } = "";

    /// <summary>Upgrade the connection with STARTTLS before sending; a server that does not offer it fails the send.</summary>
    public bool EnableSsl { get; set; }

    /// <summary>When set (with <see cref="Password"/>), the client authenticates.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Right-hand side of generated Message-IDs; the From address's domain when empty.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Most sessions open to the server at once (the pool's bound); further sends wait for one to be free.</summary>
    public int MaxConnections { get; set; } = 8;

    /// <summary>A pooled session unused this long is closed (servers drop idle clients after 1–5 minutes anyway).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages per session before it is closed and a new one opened (many servers cap this).</summary>
    public int MaxMessagesPerConnection { get; set; } = 100;
}
