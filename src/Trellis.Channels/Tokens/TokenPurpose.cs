namespace Trellis.Channels.Tokens;

/// <summary>What a recipient token may be used for; part of the signed data, so one can't stand in for another.</summary>
public enum TokenPurpose
{
    Unsubscribe,
    Preferences,
    Open,
    Click,
}
