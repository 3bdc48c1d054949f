namespace Trellis.Templates.Helpers;

/// <summary>
/// What the checker knows about one helper: where it may appear and how many positional arguments it takes.
/// <see cref="MaxArguments"/> is <see cref="int.MaxValue"/> when the helper takes any number.
/// </summary>
public sealed record HelperSignature(
    string Name,
    HelperPlacement Placement,
    int MinArguments,
    int MaxArguments,
    bool IsBuiltIn,
    string Usage,
    string Summary)
{
    public bool CanBeInline => Placement is HelperPlacement.Inline or HelperPlacement.InlineOrBlock;

    public bool CanOpenBlock => Placement is HelperPlacement.Block or HelperPlacement.InlineOrBlock;

    public bool Accepts(int argumentCount) => argumentCount >= MinArguments && argumentCount <= MaxArguments;

    /// <summary>"2 arguments", "1 to 3 arguments", "at least 2 arguments": for checker messages.</summary>
    public string ArityText => (MinArguments, MaxArguments) switch
    {
        (var min, var max) when min == max => min == 1 ? "1 argument" : $"{min} arguments",
        (var min, int.MaxValue) => min == 1 ? "at least 1 argument" : $"at least {min} arguments",
        var (min, max) => $"{min} to {max} arguments",
    };
}
