namespace Trellis.Channels.Feedback;

/// <summary>What a provider told us about a message or an address. Names: see <see cref="FeedbackKinds.Name"/>.</summary>
public enum FeedbackKind
{
    Delivered,
    BounceHard,
    BounceSoft,
    Complaint,
    OptOut,
    OptIn,
    Open,
    Click,
}
