using System.Security.Claims;
using Netra.Backend.Auth;
using Netra.Backend.Infrastructure;

namespace Netra.Backend.Threads;

public static class ThreadEndpoints
{
    public const int MaxTitleLength = 200;
    public const string DefaultTitle = "New conversation";

    public sealed record ThreadResponse(string Id, string Title, string CreatedAt, string UpdatedAt, long MessageCount)
    {
        public static ThreadResponse From(ThreadRecord t) => new(t.Id, t.Title, t.CreatedAt, t.UpdatedAt, t.MessageCount);
    }

    public sealed record MessageResponse(string Id, string Role, string Content, string? AgentName, string CreatedAt);

    public sealed record MessagesResponse(IReadOnlyList<MessageResponse> Messages, string ThreadId, long Total);

    public static void MapThreadEndpoints(this IEndpointRouteBuilder app)
    {
        var threads = app.MapGroup("/api/threads").RequireAuthorization();
        threads.MapPost("", Create);
        threads.MapGet("", List);
        threads.MapGet("/{id}", Get);
        threads.MapGet("/{id}/messages", Messages);
        threads.MapDelete("/{id}", Delete);
    }

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, ThreadStore store, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(request, allowEmpty: true);
        if (!body.Ok) return body.Error!;
        var (title, error) = JsonBody.OptionalString(body.Body, "title");
        if (error is not null) return Problems.Validation(error);
        title = title?.Trim();
        if (title?.Length > MaxTitleLength) return Problems.Validation($"Field 'title' must be at most {MaxTitleLength} characters.");

        var thread = await store.CreateAsync(user.UserId(), string.IsNullOrEmpty(title) ? DefaultTitle : title, ct);
        return Results.Created($"/api/threads/{thread.Id}", ThreadResponse.From(thread));
    }

    /// <summary>A plain array, newest activity first, like the public platform's thread list.</summary>
    private static async Task<IResult> List(ClaimsPrincipal user, ThreadStore store, string? limit, string? offset, CancellationToken ct)
    {
        var page = Paging.Parse(limit, offset, defaultLimit: 50, maxLimit: 100);
        if (page.Error is not null) return Problems.Validation(page.Error);
        var threads = await store.ListAsync(user.UserId(), page.Limit, page.Offset, ct);
        return Results.Ok(threads.Select(ThreadResponse.From));
    }

    private static async Task<IResult> Get(string id, ClaimsPrincipal user, ThreadStore store, CancellationToken ct)
    {
        var thread = await store.GetAsync(user.UserId(), id, ct);
        return thread is null ? NotFound(id) : Results.Ok(ThreadResponse.From(thread));
    }

    private static async Task<IResult> Messages(string id, ClaimsPrincipal user, ThreadStore store, string? limit, string? offset, CancellationToken ct)
    {
        var page = Paging.Parse(limit, offset, defaultLimit: 200, maxLimit: 1000);
        if (page.Error is not null) return Problems.Validation(page.Error);
        var result = await store.ListMessagesAsync(user.UserId(), id, page.Limit, page.Offset, ct);
        if (result is null) return NotFound(id);
        var (messages, total) = result.Value;
        return Results.Ok(new MessagesResponse(
            messages.Select(m => new MessageResponse(m.Id, m.Role, m.Content, m.AgentName, m.CreatedAt)).ToList(), id, total));
    }

    private static async Task<IResult> Delete(string id, ClaimsPrincipal user, ThreadStore store, CancellationToken ct) =>
        await store.DeleteAsync(user.UserId(), id, ct) ? Results.NoContent() : NotFound(id);

    // Same answer for "never existed" and "belongs to someone else", so ids cannot be probed.
    public static IResult NotFound(string id) => Problems.NotFound($"Thread '{LogText.Clean(id, 100)}' was not found.");
}

public readonly record struct Paging(int Limit, int Offset, string? Error)
{
    /// <summary>Query values are taken as strings so that "abc" gets a 422 that says why, not a bare 400.</summary>
    public static Paging Parse(string? limit, string? offset, int defaultLimit, int maxLimit)
    {
        var l = defaultLimit;
        var o = 0;
        if (limit is not null && (!int.TryParse(limit, out l) || l < 1 || l > maxLimit))
            return new Paging(0, 0, $"Query parameter 'limit' must be an integer from 1 to {maxLimit}.");
        if (offset is not null && (!int.TryParse(offset, out o) || o < 0))
            return new Paging(0, 0, "Query parameter 'offset' must be a non-negative integer.");
        return new Paging(l, o, null);
    }
}
