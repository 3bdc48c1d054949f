namespace Trellis.Measurement.Reports;

/// <summary>
/// What the report keeps per running journey instance: where it is and since when, and which arms it is in.
/// <see cref="Arms"/> holds, per split step of the journey (in order, up to 8), the chosen variant index + 1.
/// </summary>
public struct OpenInstance
{
    public int Journey;
    public int Step;
    public long StepAtTicks;
    public long EnteredAtTicks;
    public bool Holdout;
    public ulong Arms;
    public string? Key;
}
