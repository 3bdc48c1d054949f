using Trellis.Content;
using Trellis.Core.Engine;
using Trellis.Server.Processing;
using Trellis.Storage;

namespace Trellis.Bench.Delivery;

/// <summary>
/// The content the delivery benchmark sends: one marketing journey with an email of realistic size — a greeting,
/// three paragraphs, two links and the unsubscribe and preference links — so rendering and tracking do real work.
/// </summary>
internal static class DeliveryBenchContent
{
    public const string JourneyYaml = """
        journey: news
        name: News
        topic: news
        entry:
          event: news_requested
          reentry: always
        steps:
          - id: news-email
            send: {channel: email, template: news}
        """;

    public const string TemplateYaml = """
        template: news
        email:
          subject: 'What is new this week, {{default profile.first_name "friend"}}'
          html: |
            <html><body>
            <p>Hi {{default profile.first_name "there"}},</p>
            <p>This week we shipped faster search, a calmer inbox and {{number event.count}} small fixes you asked for.</p>
            <p>Projects now open twice as fast on large workspaces, and the activity feed groups related changes together.</p>
            <p>Read the <a href="https://acme.example/blog/this-week">full release notes</a> or
               <a href="https://acme.example/app?utm_source=news">open the app</a>.</p>
            <p style="color:#777"><a href="{{preferences_url}}">Preferences</a> · <a href="{{unsubscribe_url}}">Unsubscribe</a></p>
            </body></html>
          text: |
            Hi {{default profile.first_name "there"}},
            This week we shipped faster search, a calmer inbox and {{number event.count}} small fixes you asked for.
            Release notes: https://acme.example/blog/this-week
            Unsubscribe: {{unsubscribe_url}}
        """;

    public static WorkspaceRuntime Runtime(WorkspaceId workspace)
    {
        var content = ContentLoader.LoadSources(
        [
            new ContentSource("journeys/news.journey.yaml", JourneyYaml),
            new ContentSource("templates/news.template.yaml", TemplateYaml),
        ]);
        if (content.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, content.Diagnostics));
        }

        return new WorkspaceRuntime(workspace, new CompiledWorkspace(content.ToWorkspace()), []);
    }
}
