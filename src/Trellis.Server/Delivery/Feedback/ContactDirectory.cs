using System.Text.Json;
using Trellis.Storage;

namespace Trellis.Server.Delivery.Feedback;

/// <summary>
/// Finds the people behind an address that provider feedback names (an SMS reply's number, a complaint's email):
/// first the people this process recently sent to there (<see cref="SentMessageIndex"/>), otherwise by reading
/// the workspace's profiles. The store has no index on contact traits yet, so that second way costs a pass over
/// the profiles — acceptable for opt-outs and complaints, which are rare; engagement is never looked up this way.
/// </summary>
public sealed class ContactDirectory(ITrellisStore store, SentMessageIndex index)
{
    private const int PageSize = 1000;

    public async Task<IReadOnlyList<string>> FindPersonsAsync(WorkspaceId workspace, string channel, string address, CancellationToken cancellationToken)
    {
        if (index.FindPerson(channel, address) is { } known && known.Workspace == workspace)
        {
            return [known.PersonId];
        }

        var trait = ContactTraits.All.FirstOrDefault(c => c.Channel == channel).Trait;
        if (trait is null)
        {
            return [];
        }

        var wanted = Suppression.NormalizeAddress(address);
        var found = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await store.Persons.ListProfilesAsync(workspace, after, PageSize, cancellationToken);
            foreach (var profile in page)
            {
                if (HasAddress(profile.TraitsJson, trait, wanted))
                {
                    found.Add(profile.PersonId);
                }
            }

            if (page.Count < PageSize)
            {
                return found;
            }

            after = page[^1].PersonId;
        }
    }

    private static bool HasAddress(string traitsJson, string trait, string wanted)
    {
        try
        {
            using var traits = JsonDocument.Parse(traitsJson);
            return traits.RootElement.ValueKind == JsonValueKind.Object
                && traits.RootElement.TryGetProperty(trait, out var value)
                && value.ValueKind == JsonValueKind.String
                && Suppression.NormalizeAddress(value.GetString()!) == wanted;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
