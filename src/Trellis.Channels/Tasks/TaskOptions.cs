namespace Trellis.Channels.Tasks;

/// <summary>Configuration section <c>Trellis:Tasks</c>: where tasks for the sales/support team are posted.</summary>
public sealed class TaskOptions
{
    /// <summary>The team's webhook (a CRM or helpdesk integration); signed like every webhook.</summary>
    public string Url { get; set; } = "";
}
