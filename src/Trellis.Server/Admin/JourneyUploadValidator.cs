using Trellis.Content;
using Trellis.Server.Hosting;

namespace Trellis.Server.Admin;

/// <summary>
/// Validates an uploaded journey exactly as <c>trellis validate</c> would, against the templates of the
/// workspace's content folder (and its models, for <c>score()</c>). The upload is named <c>{id}.journey.yaml</c> in messages, and its
/// <c>journey:</c> id must be the id in the URL.
/// </summary>
internal static class JourneyUploadValidator
{
    public static JourneyValidation Validate(string journeyId, string sourceYaml, ContentFolder content)
    {
        var file = journeyId + ".journey.yaml";
        var folder = content.LoadTemplatesAndPolicies();
        var set = ContentLoader.LoadSources([new ContentSource(file, sourceYaml)], folder.Templates, folder.Models);
        var errors = set.Diagnostics.Select(d => d.ToString()).ToList();
        var journey = set.Journeys.Count == 1 ? set.Journeys[0] : null;
        if (journey is not null && journey.Id != journeyId)
        {
            errors.Add($"{file}:{journey.Location.Line}: the journey id '{journey.Id}' is not the id in the URL ('{journeyId}')");
            journey = null;
        }
        else if (journey is null && errors.Count == 0)
        {
            errors.Add($"{file}:1: no journey found in the upload");
        }

        return new JourneyValidation(journey, errors);
    }
}
