using Trellis.Content.Reading;

namespace Trellis.Content.Journeys;

/// <summary>What reading the steps of one journey collects besides the steps: references to check once all ids are known.</summary>
internal sealed class JourneyReadState(FileReaders readers)
{
    public FileReaders Readers { get; } = readers;

    public List<StepReference> References { get; } = [];

    public List<TemplateUse> TemplateUses { get; } = [];
}
