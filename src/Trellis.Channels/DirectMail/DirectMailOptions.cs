namespace Trellis.Channels.DirectMail;

/// <summary>Configuration section <c>Trellis:DirectMail</c>.</summary>
public sealed class DirectMailOptions
{
    /// <summary>Folder for the daily batch files handed to the print-and-mail house; relative to the working directory.</summary>
    public string Folder { get; set; } = Path.Combine("data", "direct-mail");
}
