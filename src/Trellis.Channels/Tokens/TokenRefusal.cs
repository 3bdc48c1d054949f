namespace Trellis.Channels.Tokens;

/// <summary>Why a token was refused.</summary>
public enum TokenRefusal
{
    /// <summary>Not a token at all: wrong shape, bad encoding, unreadable payload.</summary>
    Malformed,
    /// <summary>Signed with a key we don't have (forged, or a key rotated out).</summary>
    UnknownKey,
    /// <summary>The signature does not match the content: forged or tampered.</summary>
    BadSignature,
    /// <summary>Genuine, but issued for something else (an open token used to unsubscribe).</summary>
    WrongPurpose,
    Expired,
}
