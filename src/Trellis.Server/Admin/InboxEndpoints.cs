using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Trellis.Channels.InApp;
using Trellis.Server.Auth;
using Trellis.Server.Hosting;
using Trellis.Storage;

namespace Trellis.Server.Admin;

/// <summary>
/// <c>/api/profiles/{id}/inbox</c>: the person's in-app messages, newest first (<c>?unread=true</c>, <c>limit</c>), and
/// <c>POST …/inbox/{messageId}/read</c>. Called by the customer's backend with the secret key on behalf of its app:
/// the write key is public (it ships in web pages), so it cannot guard a person's messages.
/// </summary>
internal static class InboxEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/profiles/{id}/inbox", ListAsync);
        api.MapPost("/profiles/{id}/inbox/{messageId}/read", MarkReadAsync);
    }

    private static async Task<IResult> ListAsync(string id, HttpContext context, ITrellisStore store)
    {
        var query = context.Request.Query;
        var unread = query["unread"].ToString();
        if (unread is not ("" or "true" or "false") ||
            !ProfileEndpoints.TryQuery(query["limit"], 1, MaxLimit, DefaultLimit, out var limit))
        {
            return ApiResults.Error(StatusCodes.Status400BadRequest, $"unread must be true or false, limit between 1 and {MaxLimit}");
        }

        if (Inbox(context) is not { } inbox)
        {
            return NoInbox();
        }

        var workspace = AdminWorkspace.Of(context);
        var personId = await store.Persons.ResolveAsync(workspace, id, context.RequestAborted);
        if (await store.Persons.GetProfileAsync(workspace, personId, context.RequestAborted) is null)
        {
            return await ProfileEndpoints.NotFoundAsync(store, workspace, id, context.RequestAborted);
        }

        var messages = await inbox.ListAsync(workspace.Value, personId, unread == "true", (int)limit, context.RequestAborted);
        return ApiResults.Ok(new { success = true, person = personId, messages = messages.Select(Describe).ToList() });
    }

    private static async Task<IResult> MarkReadAsync(string id, string messageId, HttpContext context, ITrellisStore store)
    {
        if (Inbox(context) is not { } inbox)
        {
            return NoInbox();
        }

        var workspace = AdminWorkspace.Of(context);
        var personId = await store.Persons.ResolveAsync(workspace, id, context.RequestAborted);
        if (!await inbox.MarkReadAsync(workspace.Value, personId, messageId, context.RequestAborted))
        {
            return ApiResults.Error(StatusCodes.Status404NotFound, $"no message '{messageId}' in the inbox of '{id}'");
        }

        var message = (await inbox.ListAsync(workspace.Value, personId, unreadOnly: false, MaxLimit, context.RequestAborted))
            .FirstOrDefault(m => m.Id == messageId);
        return message is null ? ApiResults.Success() : ApiResults.Ok(new { success = true, message = Describe(message) });
    }

    private static IInAppInbox? Inbox(HttpContext context) => context.RequestServices.GetService<IInAppInbox>();

    private static IResult NoInbox() =>
        ApiResults.Error(StatusCodes.Status404NotFound, "this server has no in-app inbox (delivery is not configured)");

    private static object Describe(InAppMessage m) => new
    {
        id = m.Id,
        title = m.Title,
        body = m.Body,
        createdAt = m.CreatedAt.ToString("O"),
        readAt = m.ReadAt?.ToString("O"),
        read = m.IsRead,
        metadata = m.Metadata,
    };
}
