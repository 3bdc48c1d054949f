namespace Trellis.Channels.Feedback;

public static class FeedbackKinds
{
    /// <summary>delivered | bounce_hard | bounce_soft | complaint | opt_out | opt_in | open | click.</summary>
    public static string Name(this FeedbackKind kind) => kind switch
    {
        FeedbackKind.Delivered => "delivered",
        FeedbackKind.BounceHard => "bounce_hard",
        FeedbackKind.BounceSoft => "bounce_soft",
        FeedbackKind.Complaint => "complaint",
        FeedbackKind.OptOut => "opt_out",
        FeedbackKind.OptIn => "opt_in",
        FeedbackKind.Open => "open",
        _ => "click",
    };
}
