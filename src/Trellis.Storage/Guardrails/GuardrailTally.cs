namespace Trellis.Storage;

/// <summary>Marketing sends, complaints and unsubscribes of one journey: a bucket's increment, or a window's sum.</summary>
public readonly record struct GuardrailTally(long Sends, long Complaints, long Unsubscribes)
{
    public bool IsEmpty => Sends == 0 && Complaints == 0 && Unsubscribes == 0;
}
