namespace Trellis.Templates.Rendering;

/// <summary>Thrown by <see cref="BoundedTextWriter"/> to stop a render at the size cap, from deep inside Handlebars.</summary>
internal sealed class OutputLimitExceededException(int limitBytes)
    : Exception($"rendered text exceeds {limitBytes} bytes")
{
    public int LimitBytes { get; } = limitBytes;
}
