namespace Trellis.Server.Delivery.Feedback;

/// <summary>A signing certificate could not be fetched or read: our side or the network, so the post is answered 503.</summary>
public sealed class SnsCertificateUnavailableException : Exception
{
    public SnsCertificateUnavailableException()
    {
    }

    public SnsCertificateUnavailableException(string message)
        : base(message)
    {
    }

    public SnsCertificateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
