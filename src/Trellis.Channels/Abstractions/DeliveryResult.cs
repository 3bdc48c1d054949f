namespace Trellis.Channels;

/// <summary>The outcome of one send: <see cref="Delivered"/> or <see cref="DeliveryFailed"/>.</summary>
public abstract record DeliveryResult
{
    private protected DeliveryResult()
    {
    }

    public bool IsDelivered => this is Delivered;
}
