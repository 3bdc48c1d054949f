using System.Text;
using Microsoft.AspNetCore.Http;
using Trellis.Channels.Tokens;
using Trellis.Storage;

namespace Trellis.Server.Recipients;

/// <summary>
/// The preference centre, <c>/preferences/{token}</c>: GET shows every marketing topic of the workspace's live
/// journeys and the channels a person can be reached on, checked as the engine would decide today; POST saves
/// every box as an explicit yes or no, the same way an unsubscribe is saved (<see cref="ConsentWriter"/>).
/// </summary>
public sealed class PreferencesHandler(RecipientTokenGate gate, ConsentWriter consent, JourneyTopics topics, ITrellisStore store)
{
    /// <summary>The channels a recipient can choose; the others (webhook, task, in-app) are not messages to them elsewhere.</summary>
    public static readonly IReadOnlyList<string> Channels = ["email", "sms", "push"];

    public const string AllField = "all";
    public const string TopicPrefix = "topic:";
    public const string ChannelPrefix = "channel:";

    public async Task<IResult> ShowAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Preferences, out var claims, out var refusal))
        {
            return refusal;
        }

        var (state, topicList) = await LoadAsync(claims, context.RequestAborted);
        return new RecipientPage(StatusCodes.Status200OK, "Your preferences", Form(state, topicList, saved: false));
    }

    public async Task<IResult> SaveAsync(string token, HttpContext context)
    {
        if (!gate.TryOpen(token, TokenPurpose.Preferences, out var claims, out var refusal))
        {
            return refusal;
        }

        var cancellationToken = context.RequestAborted;
        if (!context.Request.HasFormContentType)
        {
            return new RecipientPage(StatusCodes.Status400BadRequest, "Nothing to save", "<p>Please use the form on the preferences page.</p>");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var (_, topicList) = await LoadAsync(claims, cancellationToken);
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal) { [AllField] = form.ContainsKey(AllField) };
        foreach (var topic in topicList)
        {
            answers[topic] = form.ContainsKey(TopicPrefix + topic);
        }

        foreach (var channel in Channels)
        {
            answers[channel] = form.ContainsKey(ChannelPrefix + channel);
        }

        var workspace = new WorkspaceId(claims.Workspace);
        await consent.RecordAsync(workspace, claims.Subject, answers, "preferences", cancellationToken);
        var mode = await topics.DefaultAsync(workspace, cancellationToken);
        return new RecipientPage(StatusCodes.Status200OK, "Preferences saved", Form(ConsentState.FromAnswers(answers, mode), topicList, saved: true));
    }

    private async Task<(ConsentState State, IReadOnlyList<string> Topics)> LoadAsync(TokenClaims claims, CancellationToken cancellationToken)
    {
        var workspace = new WorkspaceId(claims.Workspace);
        var profile = await store.Persons.GetProfileAsync(workspace, claims.Subject, cancellationToken);
        var state = ConsentState.Of(profile, await topics.DefaultAsync(workspace, cancellationToken));
        var all = (await topics.AllAsync(workspace, cancellationToken)).ToList();
        // Topics the person answered for earlier stay choosable (their journey may be paused, not gone),
        // except the switches that are not topics.
        foreach (var answered in state.AnsweredTopics)
        {
            if (!all.Contains(answered) && answered is not (AllField or "marketing") && !Channels.Contains(answered) && answered is not ("in_app" or "webhook" or "task" or "direct_mail"))
            {
                all.Add(answered);
            }
        }

        return (state, all.Order(StringComparer.Ordinal).ToList());
    }

    private static string Form(ConsentState state, IReadOnlyList<string> topicList, bool saved)
    {
        var html = new StringBuilder();
        if (saved)
        {
            html.Append("<p><strong>Saved.</strong> Your choices apply from now on.</p>");
        }

        html.Append("<form method=\"post\">");
        html.Append(Checkbox(AllField, "Marketing messages from us at all", state.AllowsMarketing));
        if (topicList.Count > 0)
        {
            html.Append("<fieldset><legend>Topics</legend>");
            foreach (var topic in topicList)
            {
                html.Append(Checkbox(TopicPrefix + topic, topic, state.AllowsTopic(topic)));
            }

            html.Append("</fieldset>");
        }

        html.Append("<fieldset><legend>Channels</legend>");
        foreach (var channel in Channels)
        {
            html.Append(Checkbox(ChannelPrefix + channel, channel == "sms" ? "SMS" : channel, state.AllowsChannel(channel)));
        }

        html.Append("</fieldset><button type=\"submit\">Save</button></form>");
        return html.ToString();
    }

    private static string Checkbox(string name, string label, bool isChecked) =>
        $"<label><input type=\"checkbox\" name=\"{RecipientPage.Encode(name)}\" value=\"on\"{(isChecked ? " checked" : "")}> {RecipientPage.Encode(label)}</label>";
}
